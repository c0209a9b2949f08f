import { AppError } from '#server/platform/app-error.ts';
import { ROLE_LABELS, type Role } from '#src/schema/roles.ts';
import { sectionInfo, type SectionId } from '#src/schema/sections.ts';

/**
 * Refusals of the editorial workflow (Điều 19). One class per refusal, each
 * with a stable `code` and structured `data`; the message is the Vietnamese
 * sentence the Decap UI shows, so it names the step and who may do it.
 * Tests assert `code`, never the sentence.
 */

export const EVENT_LABELS = {
  create: 'nhập mới',
  edit: 'chỉnh sửa',
  submit: 'gửi xác thực',
  withdraw: 'rút lại bài đã gửi',
  verify: 'xác thực',
  return: 'trả lại để sửa',
  publish: 'đăng tải',
  'publish-urgently': 'đăng tải khẩn',
  'review-urgent': 'rà soát bài đăng khẩn',
  unpublish: 'gỡ bài đã đăng',
  discard: 'huỷ bài chưa đăng',
  delete: 'xoá bài đã đăng',
  'upload-media': 'tải tệp lên trang',
  'delete-media': 'xoá tệp của trang',
  read: 'xem bài chưa đăng',
} as const;
export type EventName = keyof typeof EVENT_LABELS;

export const STATE_LABELS = {
  draft: 'Nhập mới',
  'in-review': 'Chờ xác thực',
  ready: 'Đã xác thực',
  published: 'Đã đăng tải',
} as const;
export type WorkflowState = keyof typeof STATE_LABELS;

const role = (r: Role) => ROLE_LABELS[r] ?? r;

export type NotOnBoardErrorData = { event: EventName; site: string; actorSite: string; role: Role };
/** The actor is not a board member of this department (the province admin included). */
export class NotOnBoardError extends AppError<NotOnBoardErrorData> {
  static readonly code = 'E_WORKFLOW_NOT_ON_BOARD';
  constructor(data: NotOnBoardErrorData) {
    super(NotOnBoardError.code, 403, data, `Chỉ thành viên Ban Biên tập của đơn vị mới được ${EVENT_LABELS[data.event]} (Điều 17, 19).`);
  }
}

export type SectionNotAssignedErrorData = { event: EventName; section: SectionId; role: Role };
export class SectionNotAssignedError extends AppError<SectionNotAssignedErrorData> {
  static readonly code = 'E_WORKFLOW_SECTION_NOT_ASSIGNED';
  constructor(data: SectionNotAssignedErrorData) {
    super(
      SectionNotAssignedError.code,
      403,
      data,
      `Bạn chưa được Trưởng Ban phân công chuyên mục "${sectionInfo(data.section).label}" nên không được ${EVENT_LABELS[data.event]} bài trong chuyên mục này (Điều 17.3, 17.5).`,
    );
  }
}

export type RightNotGrantedErrorData = { event: EventName; right: 'verify' | 'publish' | 'own' | 'urgent'; role: Role };
const WHO_HAS: Record<RightNotGrantedErrorData['right'], string> = {
  verify: 'Phó Trưởng Ban Biên tập, Trưởng Ban hoặc người được uỷ quyền xác thực, đăng tải (Điều 19, bước 2)',
  publish: 'Trưởng Ban Biên tập hoặc người được uỷ quyền đăng tải (Điều 19, bước 3)',
  own: 'người nhập bài, Phó Trưởng Ban hoặc người được uỷ quyền xác thực',
  urgent: 'Trưởng Ban Biên tập, với lý do ghi rõ (Điều 9, tin khẩn)',
};
export class RightNotGrantedError extends AppError<RightNotGrantedErrorData> {
  static readonly code = 'E_WORKFLOW_RIGHT_NOT_GRANTED';
  constructor(data: RightNotGrantedErrorData) {
    super(
      RightNotGrantedError.code,
      403,
      data,
      `Vai trò ${role(data.role)} không được ${EVENT_LABELS[data.event]}: việc này do ${WHO_HAS[data.right]} thực hiện.`,
    );
  }
}

export type SelfVerificationErrorData = { username: string };
export class SelfVerificationError extends AppError<SelfVerificationErrorData> {
  static readonly code = 'E_WORKFLOW_SELF_VERIFICATION';
  constructor(data: SelfVerificationErrorData) {
    super(
      SelfVerificationError.code,
      403,
      data,
      'Bạn đã nhập hoặc sửa nội dung của bản này nên không được tự xác thực; bài cần một người khác kiểm tra lại (Điều 19, bước 2).',
    );
  }
}

export type InvalidTransitionErrorData = { event: EventName; from: WorkflowState | null; to: WorkflowState | null };
export class InvalidTransitionError extends AppError<InvalidTransitionErrorData> {
  static readonly code = 'E_WORKFLOW_INVALID_TRANSITION';
  constructor(data: InvalidTransitionErrorData) {
    const from = data.from ? `"${STATE_LABELS[data.from]}"` : 'chưa có';
    super(
      InvalidTransitionError.code,
      409,
      data,
      `Không thể ${EVENT_LABELS[data.event]} khi bài đang ở bước ${from}: bài phải qua lần lượt nhập mới → chờ xác thực → đã xác thực → đăng tải (Điều 19).`,
    );
  }
}

export type StateSecretErrorData = { site: string; section: SectionId; slug: string };
export class StateSecretError extends AppError<StateSecretErrorData> {
  static readonly code = 'E_WORKFLOW_STATE_SECRET';
  constructor(data: StateSecretErrorData) {
    super(StateSecretError.code, 403, data, 'Bài được đánh dấu là thông tin mật nhà nước nên không bao giờ được đăng tải lên Website (Điều 4.2đ).');
  }
}

export type NotYourDraftErrorData = { event: EventName; authors: string[] };
/** Điều 11.4: a draft is its authors' work; others read it, and change it only as a new entry of their own. */
export class NotYourDraftError extends AppError<NotYourDraftErrorData> {
  static readonly code = 'E_WORKFLOW_NOT_YOUR_DRAFT';
  constructor(data: NotYourDraftErrorData) {
    const who = data.authors.length ? ` (người nhập: ${data.authors.join(', ')})` : '';
    super(
      NotYourDraftError.code,
      403,
      data,
      `Bạn không được ${EVENT_LABELS[data.event]} bài nháp của người khác${who} (Điều 11.4). Bạn có thể nhân bản thành bài mới của mình, hoặc đề nghị người nhập sửa.`,
    );
  }
}

export type PublisherIsVerifierErrorData = { username: string };
export class PublisherIsVerifierError extends AppError<PublisherIsVerifierErrorData> {
  static readonly code = 'E_WORKFLOW_PUBLISHER_IS_VERIFIER';
  constructor(data: PublisherIsVerifierErrorData) {
    super(
      PublisherIsVerifierError.code,
      403,
      data,
      'Bạn đã xác thực bản này nên không được tự đăng tải: bước 3 cần một người khác kiểm tra lần cuối (Điều 19).',
    );
  }
}

export type SecretDraftErrorData = { section: SectionId; slug: string };
export class SecretDraftError extends AppError<SecretDraftErrorData> {
  static readonly code = 'E_WORKFLOW_SECRET_DRAFT';
  constructor(data: SecretDraftErrorData) {
    super(
      SecretDraftError.code,
      403,
      data,
      'Bài nháp này được đánh dấu là thông tin mật nhà nước: chỉ người nhập và người có quyền xác thực, đăng tải trong chuyên mục được xem (Điều 4.2đ).',
    );
  }
}

export type UrgentReasonRequiredErrorData = { minLength: number };
export class UrgentReasonRequiredError extends AppError<UrgentReasonRequiredErrorData> {
  static readonly code = 'E_WORKFLOW_URGENT_REASON_REQUIRED';
  constructor(data: UrgentReasonRequiredErrorData) {
    super(
      UrgentReasonRequiredError.code,
      422,
      data,
      `Đăng tải khẩn không qua xác thực cần ghi rõ lý do (ít nhất ${data.minLength} ký tự); bài sẽ được người thứ hai rà soát sau (Điều 9).`,
    );
  }
}

export type UrgentReviewerErrorData = { username: string };
export class UrgentReviewerError extends AppError<UrgentReviewerErrorData> {
  static readonly code = 'E_WORKFLOW_URGENT_SELF_REVIEW';
  constructor(data: UrgentReviewerErrorData) {
    super(UrgentReviewerError.code, 403, data, 'Bài đăng khẩn phải do một người khác rà soát, không phải người đã đăng.');
  }
}
