import { AppError } from '#server/platform/app-error.ts';
import type { ContentProblem } from '#src/content-source/problems.ts';
import { formatProblem } from '#src/content-source/problems.ts';
import { ROLE_LABELS, type Role } from '#src/schema/roles.ts';
import { sectionInfo, type SectionId } from '#src/schema/sections.ts';
import { formatDateTime } from '#src/text/format-date.ts';
import { EVENT_LABELS, STATE_LABELS, type EventName, type WorkflowState } from './workflow-labels.ts';

/**
 * Refusals of the editorial capability: the three steps of Điều 19 (who may
 * enter, verify and publish what), the publication gate (docs/adr/0045), the
 * content repository (docs/adr/0040) and the Decap endpoint (docs/adr/0041).
 * The sentence is the Vietnamese text the Decap UI shows as it is, so it
 * names the step and who may take it. Each class keeps its stable `code`,
 * HTTP status, typed `data` and that sentence together
 * (docs/adr/0081-one-error-shape.md); tests assert `code`, never the sentence.
 */

// The workflow of Điều 19 (editorial-workflow.ts)

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

// The publication gate (docs/adr/0045)

export type PublicationRejectedErrorData = { site: string; problems: ContentProblem[] };
/** The change would put on the site something the build refuses. */
export class PublicationRejectedError extends AppError<PublicationRejectedErrorData> {
  static readonly code = 'E_PUBLICATION_REJECTED';
  constructor(data: PublicationRejectedErrorData) {
    const list = data.problems
      .slice(0, 20)
      .map((p) => `- ${formatProblem({ ...p, file: p.file.replace(`content/${data.site}/`, '') })}`)
      .join('\n');
    super(PublicationRejectedError.code, 422, data, `Chưa đưa lên Website vì thay đổi này làm trang có lỗi; trang đang chạy giữ nguyên:\n${list}`);
  }
}

export type SiteNotLiveErrorData = { site: string; commit: string; code: string };
/** The change is on main, but the rebuild failed: the old site is still the live one. */
export class SiteNotLiveError extends AppError<SiteNotLiveErrorData> {
  static readonly code = 'E_PROXY_SITE_NOT_REBUILT';
  constructor(data: SiteNotLiveErrorData) {
    super(
      SiteNotLiveError.code,
      502,
      data,
      'Thay đổi đã vào kho nội dung nhưng dựng lại trang thất bại; trang đang chạy vẫn là bản cũ. Cán bộ chuyên trách CNTT đã được báo để xử lý.',
    );
  }
}

export type MediaOwnedByAnotherEntryErrorData = { path: string; owner: { section: string; slug: string; title: string | null } };
/** The file belongs to another entry: only that entry's own draft replaces it, through the three steps (Điều 19). */
export class MediaOwnedByAnotherEntryError extends AppError<MediaOwnedByAnotherEntryErrorData> {
  static readonly code = 'E_MEDIA_OWNED_BY_ANOTHER_ENTRY';
  constructor(data: MediaOwnedByAnotherEntryErrorData) {
    const { section, slug, title } = data.owner;
    const entry = title ? `bài "${title}" (${section}/${slug})` : `bài ${section}/${slug}`;
    super(
      MediaOwnedByAnotherEntryError.code,
      403,
      data,
      `Tệp "${data.path.replace(/^content\/[^/]+/, '')}" thuộc ${entry}. Chỉ bản nháp của chính bài đó mới được thay tệp này, và tệp mới chỉ lên trang khi bài đó được xác thực và đăng tải (Điều 19).`,
    );
  }
}

// The content repository (docs/adr/0040)

export type RefConflictErrorData = { ref: string; expected: string | null; actual: string | null };
/** The ref moved since the caller read it: someone else saved first. */
export class RefConflictError extends AppError<RefConflictErrorData> {
  static readonly code = 'E_REPO_REF_CONFLICT';
  constructor(data: RefConflictErrorData) {
    super(RefConflictError.code, 409, data, 'Bài vừa được người khác thay đổi; hãy tải lại trang rồi lưu lại.');
  }
}

export type EntryBranchNotFoundErrorData = { branch: string };
export class EntryBranchNotFoundError extends AppError<EntryBranchNotFoundErrorData> {
  static readonly code = 'E_REPO_ENTRY_NOT_FOUND';
  constructor(data: EntryBranchNotFoundErrorData) {
    super(EntryBranchNotFoundError.code, 404, data, 'Không tìm thấy bài chưa đăng này; có thể bài đã được đăng tải hoặc đã bị huỷ.');
  }
}

export type RepositoryUnavailableErrorData = { dir: string; reason: string };
export class RepositoryUnavailableError extends AppError<RepositoryUnavailableErrorData> {
  static readonly code = 'E_REPO_UNAVAILABLE';
  constructor(data: RepositoryUnavailableErrorData) {
    super(RepositoryUnavailableError.code, 500, data, 'Kho nội dung không sẵn sàng; vui lòng báo Cán bộ chuyên trách CNTT.');
  }
}

export type MirrorUnreachableErrorData = { remote: string; reason: string };
/**
 * A fresh installation must start from its mirror (docs/adr/0101), and the
 * mirror does not answer: starting from the sample instead would overwrite
 * the real content at the first push.
 */
export class MirrorUnreachableError extends AppError<MirrorUnreachableErrorData> {
  static readonly code = 'E_MIRROR_UNREACHABLE';
  constructor(data: MirrorUnreachableErrorData) {
    super(
      MirrorUnreachableError.code,
      503,
      data,
      `Không kết nối được kho nội dung dự phòng ${data.remote} (${data.reason}) để lấy nội dung về máy mới; kiểm tra CONTENT_REMOTE_URL và máy chủ git rồi khởi động lại.`,
    );
  }
}

// The Decap endpoint (docs/adr/0041)

export type ProxyBadRequestErrorData = { action: string; issues: string[] };
export class ProxyBadRequestError extends AppError<ProxyBadRequestErrorData> {
  static readonly code = 'E_PROXY_BAD_REQUEST';
  constructor(data: ProxyBadRequestErrorData) {
    super(ProxyBadRequestError.code, 422, data, `Yêu cầu "${data.action}" không hợp lệ: ${data.issues.join('; ')}`);
  }
}

export type UnknownActionErrorData = { action: string };
export class UnknownActionError extends AppError<UnknownActionErrorData> {
  static readonly code = 'E_PROXY_UNKNOWN_ACTION';
  constructor(data: UnknownActionErrorData) {
    super(UnknownActionError.code, 422, data, `Thao tác "${data.action}" chưa được hỗ trợ.`);
  }
}

export type PathNotAllowedErrorData = { path: string; reason: 'outside-site' | 'not-an-entry' | 'not-media' | 'section' | 'rename' | 'collection' };
export class PathNotAllowedError extends AppError<PathNotAllowedErrorData> {
  static readonly code = 'E_PROXY_PATH_NOT_ALLOWED';
  constructor(data: PathNotAllowedErrorData) {
    super(
      PathNotAllowedError.code,
      403,
      data,
      `Đường dẫn "${data.path}" không được phép: bài viết nằm trong content/<trang>/<chuyên mục>/<tên-bài>.mdx, tệp nằm trong content/<trang>/tep/ (chữ thường không dấu, không có "..").`,
    );
  }
}

export type ContentRejectedErrorData = { path: string; problems: ContentProblem[] };
/** What `parseEntry` found: invalid frontmatter, code in MDX, unsafe links… */
export class ContentRejectedError extends AppError<ContentRejectedErrorData> {
  static readonly code = 'E_PROXY_CONTENT_REJECTED';
  constructor(data: ContentRejectedErrorData) {
    const list = data.problems.map((p) => formatProblem({ ...p, file: p.file.split('/').at(-1) ?? p.file })).join('\n');
    super(ContentRejectedError.code, 422, data, `Bài chưa được lưu vì còn lỗi:\n${list}`);
  }
}

export type MediaTooLargeErrorData = { path: string; bytes: number; limit: number };
/** A file the board uploads is over the limit (a citizen's attachment has `FileTooLargeError`, citizen-services). */
export class MediaTooLargeError extends AppError<MediaTooLargeErrorData> {
  static readonly code = 'E_PROXY_FILE_TOO_LARGE';
  constructor(data: MediaTooLargeErrorData) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    super(MediaTooLargeError.code, 413, data, `Tệp "${data.path.split('/').at(-1)}" quá lớn (${mb(data.bytes)}); giới hạn là ${mb(data.limit)}.`);
  }
}

export type WorkflowRequiredErrorData = { action: string };
/** Saving straight to main would skip the three steps of Điều 19. */
export class WorkflowRequiredError extends AppError<WorkflowRequiredErrorData> {
  static readonly code = 'E_PROXY_WORKFLOW_REQUIRED';
  constructor(data: WorkflowRequiredErrorData) {
    super(WorkflowRequiredError.code, 403, data, 'Bài phải qua quy trình ba bước (nhập mới, xác thực, đăng tải) trước khi lên Website (Điều 19).');
  }
}

export type MediaNotFoundErrorData = { path: string };
export class MediaNotFoundError extends AppError<MediaNotFoundErrorData> {
  static readonly code = 'E_PROXY_FILE_NOT_FOUND';
  constructor(data: MediaNotFoundErrorData) {
    super(MediaNotFoundError.code, 404, data, `Không tìm thấy tệp "${data.path}".`);
  }
}

// Versions of an entry (docs/adr/0092)

export type VersionNotFoundErrorData = { section: SectionId; slug: string; version: number };
/** A version number the entry's history does not have: nothing is restored or compared. */
export class VersionNotFoundError extends AppError<VersionNotFoundErrorData> {
  static readonly code = 'E_VERSION_NOT_FOUND';
  constructor(data: VersionNotFoundErrorData) {
    super(VersionNotFoundError.code, 404, data, `Bài ${sectionInfo(data.section).label.toLowerCase()} "${data.slug}" không có phiên bản số ${data.version}.`);
  }
}

// Share links of drafts (docs/adr/0093)

export type ShareLinkInvalidErrorData = Record<string, never>;
/** A link that was not made here, or was changed on the way: its signature does not match. Says nothing more. */
export class ShareLinkInvalidError extends AppError<ShareLinkInvalidErrorData> {
  static readonly code = 'E_SHARE_LINK_INVALID';
  constructor(data: ShareLinkInvalidErrorData = {}) {
    super(ShareLinkInvalidError.code, 404, data, 'Liên kết xem trước không đúng. Hãy đề nghị người gửi cho bạn liên kết mới.');
  }
}

export type ShareLinkExpiredErrorData = { expiredAt: number };
export class ShareLinkExpiredError extends AppError<ShareLinkExpiredErrorData> {
  static readonly code = 'E_SHARE_LINK_EXPIRED';
  constructor(data: ShareLinkExpiredErrorData) {
    super(ShareLinkExpiredError.code, 410, data, `Liên kết xem trước đã hết hạn lúc ${formatDateTime(data.expiredAt)}. Hãy đề nghị người gửi cho bạn liên kết mới.`);
  }
}

export type ShareLinkRevokedErrorData = Record<string, never>;
export class ShareLinkRevokedError extends AppError<ShareLinkRevokedErrorData> {
  static readonly code = 'E_SHARE_LINK_REVOKED';
  constructor(data: ShareLinkRevokedErrorData = {}) {
    super(ShareLinkRevokedError.code, 410, data, 'Liên kết xem trước đã bị Ban Biên tập thu hồi.');
  }
}

export type ShareDraftGoneErrorData = { section: SectionId; slug: string };
/** The draft was published, taken back or discarded since the link was made: there is nothing left to preview. */
export class ShareDraftGoneError extends AppError<ShareDraftGoneErrorData> {
  static readonly code = 'E_SHARE_DRAFT_GONE';
  constructor(data: ShareDraftGoneErrorData) {
    super(ShareDraftGoneError.code, 410, data, 'Bản nháp này không còn để xem trước: bài đã được đăng tải hoặc đã bị huỷ.');
  }
}

export type ShareStateSecretErrorData = { section: SectionId; slug: string };
/** A draft marked as a state secret is never shown outside the board (Điều 4.2đ). */
export class ShareStateSecretError extends AppError<ShareStateSecretErrorData> {
  static readonly code = 'E_SHARE_STATE_SECRET';
  constructor(data: ShareStateSecretErrorData) {
    super(ShareStateSecretError.code, 403, data, 'Bài có nội dung bí mật nhà nước (Điều 4.2đ) không được chia sẻ ra ngoài Ban Biên tập.');
  }
}

export type ShareLifetimeInvalidErrorData = { value: string };
export class ShareLifetimeInvalidError extends AppError<ShareLifetimeInvalidErrorData> {
  static readonly code = 'E_SHARE_LIFETIME_INVALID';
  constructor(data: ShareLifetimeInvalidErrorData) {
    super(ShareLifetimeInvalidError.code, 400, data, 'Hãy chọn thời hạn của liên kết trong danh sách.');
  }
}

export type ShareLinkNotYoursErrorData = { username: string };
/** Only who made a link, or who verifies or publishes, takes it back. */
export class ShareLinkNotYoursError extends AppError<ShareLinkNotYoursErrorData> {
  static readonly code = 'E_SHARE_LINK_NOT_YOURS';
  constructor(data: ShareLinkNotYoursErrorData) {
    super(ShareLinkNotYoursError.code, 403, data, 'Chỉ người tạo liên kết, người xác thực hoặc người đăng tải mới được thu hồi liên kết này.');
  }
}
