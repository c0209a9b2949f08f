import { appError } from '#server/platform/app-error.ts';
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

/** The actor is not a board member of this department (the province admin included). */
export const NotOnBoardError = appError<{ event: EventName; site: string; actorSite: string; role: Role }>(
  'E_WORKFLOW_NOT_ON_BOARD',
  403,
  (data) => `Chỉ thành viên Ban Biên tập của đơn vị mới được ${EVENT_LABELS[data.event]} (Điều 17, 19).`,
);

export const SectionNotAssignedError = appError<{ event: EventName; section: SectionId; role: Role }>(
  'E_WORKFLOW_SECTION_NOT_ASSIGNED',
  403,
  (data) =>
    `Bạn chưa được Trưởng Ban phân công chuyên mục "${sectionInfo(data.section).label}" nên không được ${EVENT_LABELS[data.event]} bài trong chuyên mục này (Điều 17.3, 17.5).`,
);

export type RightNotGrantedErrorData = {
  event: EventName;
  right: 'verify' | 'publish' | 'own' | 'urgent' | 'system';
  role: Role;
};
const WHO_HAS: Record<RightNotGrantedErrorData['right'], string> = {
  verify: 'Phó Trưởng Ban Biên tập, Trưởng Ban hoặc người được uỷ quyền xác thực, đăng tải (Điều 19, bước 2)',
  publish: 'Trưởng Ban Biên tập hoặc người được uỷ quyền đăng tải (Điều 19, bước 3)',
  own: 'người nhập bài, Phó Trưởng Ban hoặc người được uỷ quyền xác thực',
  urgent: 'Trưởng Ban Biên tập, với lý do ghi rõ (Điều 9, tin khẩn)',
  system: 'hệ thống, đúng thời điểm đã ghi trong bài; không ai làm thay được',
};
export const RightNotGrantedError = appError<RightNotGrantedErrorData>(
  'E_WORKFLOW_RIGHT_NOT_GRANTED',
  403,
  (data) =>
    `Vai trò ${role(data.role)} không được ${EVENT_LABELS[data.event]}: việc này do ${WHO_HAS[data.right]} thực hiện.`,
);

export const SelfVerificationError = appError<{ username: string }>(
  'E_WORKFLOW_SELF_VERIFICATION',
  403,
  () =>
    'Bạn đã nhập hoặc sửa nội dung của bản này nên không được tự xác thực; bài cần một người khác kiểm tra lại (Điều 19, bước 2).',
);

export const InvalidTransitionError = appError<{
  event: EventName;
  from: WorkflowState | null;
  to: WorkflowState | null;
}>('E_WORKFLOW_INVALID_TRANSITION', 409, (data) => {
  const from = data.from ? `"${STATE_LABELS[data.from]}"` : 'chưa có';
  return `Không thể ${EVENT_LABELS[data.event]} khi bài đang ở bước ${from}: bài phải qua lần lượt nhập mới → chờ xác thực → đã xác thực → đăng tải (Điều 19).`;
});

/** Điều 4.2đ: never published, so never verified for publication either (docs/adr/0108). */
export const StateSecretError = appError<{
  event: 'verify' | 'publish' | 'publish-urgently';
  site: string;
  section: SectionId;
  slug: string;
}>('E_WORKFLOW_STATE_SECRET', 403, (data) =>
  data.event === 'verify'
    ? 'Bài được đánh dấu là thông tin mật nhà nước nên không được công bố; vì vậy không xác thực để chờ đăng tải. Bài được giữ ở dạng nháp hoặc huỷ (Điều 4.2đ).'
    : 'Bài được đánh dấu là thông tin mật nhà nước nên không bao giờ được đăng tải lên Website (Điều 4.2đ).',
);

/** Điều 11.4: a draft is its authors' work; others read it, and change it only as a new entry of their own. */
export const NotYourDraftError = appError<{ event: EventName; authors: string[] }>(
  'E_WORKFLOW_NOT_YOUR_DRAFT',
  403,
  (data) => {
    const who = data.authors.length ? ` (người nhập: ${data.authors.join(', ')})` : '';
    return `Bạn không được ${EVENT_LABELS[data.event]} bài nháp của người khác${who} (Điều 11.4). Bạn có thể nhân bản thành bài mới của mình, hoặc đề nghị người nhập sửa.`;
  },
);

export const PublisherIsVerifierError = appError<{ username: string }>(
  'E_WORKFLOW_PUBLISHER_IS_VERIFIER',
  403,
  () => 'Bạn đã xác thực bản này nên không được tự đăng tải: bước 3 cần một người khác kiểm tra lần cuối (Điều 19).',
);

export const SecretDraftError = appError<{ section: SectionId; slug: string }>(
  'E_WORKFLOW_SECRET_DRAFT',
  403,
  () =>
    'Bài nháp này được đánh dấu là thông tin mật nhà nước: chỉ người nhập và người có quyền xác thực, đăng tải trong chuyên mục được xem (Điều 4.2đ).',
);

export const UrgentReasonRequiredError = appError<{ minLength: number }>(
  'E_WORKFLOW_URGENT_REASON_REQUIRED',
  422,
  (data) =>
    `Đăng tải khẩn không qua xác thực cần ghi rõ lý do (ít nhất ${data.minLength} ký tự); bài sẽ được người thứ hai rà soát sau (Điều 9).`,
);

export const UrgentReviewerError = appError<{ username: string }>(
  'E_WORKFLOW_URGENT_SELF_REVIEW',
  403,
  () => 'Bài đăng khẩn phải do một người khác rà soát, không phải người đã đăng.',
);

/** The change would put on the site something the build refuses. */
export const PublicationRejectedError = appError<{ site: string; problems: ContentProblem[] }>(
  'E_PUBLICATION_REJECTED',
  422,
  (data) => {
    const list = data.problems
      .slice(0, 20)
      .map((p) => `- ${formatProblem({ ...p, file: p.file.replace(`content/${data.site}/`, '') })}`)
      .join('\n');
    return `Chưa đưa lên Website vì thay đổi này làm trang có lỗi; trang đang chạy giữ nguyên:\n${list}`;
  },
);

/** The change is on main, but the rebuild failed: the old site is still the live one. */
export const SiteNotLiveError = appError<{ site: string; commit: string; code: string }>(
  'E_PROXY_SITE_NOT_REBUILT',
  502,
  () =>
    'Thay đổi đã vào kho nội dung nhưng dựng lại trang thất bại; trang đang chạy vẫn là bản cũ. Cán bộ chuyên trách CNTT đã được báo để xử lý.',
);

/** The file belongs to another entry: only that entry's own draft replaces it, through the three steps (Điều 19). */
export const MediaOwnedByAnotherEntryError = appError<{
  path: string;
  owner: { section: string; slug: string; title: string | null };
}>('E_MEDIA_OWNED_BY_ANOTHER_ENTRY', 403, (data) => {
  const { section, slug, title } = data.owner;
  const entry = title ? `bài "${title}" (${section}/${slug})` : `bài ${section}/${slug}`;
  return `Tệp "${data.path.replace(/^content\/[^/]+/, '')}" thuộc ${entry}. Chỉ bản nháp của chính bài đó mới được thay tệp này, và tệp mới chỉ lên trang khi bài đó được xác thực và đăng tải (Điều 19).`;
});

/** The ref moved since the caller read it: someone else saved first. */
export const RefConflictError = appError<{ ref: string; expected: string | null; actual: string | null }>(
  'E_REPO_REF_CONFLICT',
  409,
  () => 'Bài vừa được người khác thay đổi; hãy tải lại trang rồi lưu lại.',
);

export const EntryBranchNotFoundError = appError<{ branch: string }>(
  'E_REPO_ENTRY_NOT_FOUND',
  404,
  () => 'Không tìm thấy bài chưa đăng này; có thể bài đã được đăng tải hoặc đã bị huỷ.',
);

export const RepositoryUnavailableError = appError<{ dir: string; reason: string }>(
  'E_REPO_UNAVAILABLE',
  500,
  () => 'Kho nội dung không sẵn sàng; vui lòng báo Cán bộ chuyên trách CNTT.',
);

/**
 * A fresh installation must start from its mirror (docs/adr/0101), and the
 * mirror does not answer: starting from the sample instead would overwrite
 * the real content at the first push.
 */
export const MirrorUnreachableError = appError<{ remote: string; reason: string }>(
  'E_MIRROR_UNREACHABLE',
  503,
  (data) =>
    `Không kết nối được kho nội dung dự phòng ${data.remote} (${data.reason}) để lấy nội dung về máy mới; kiểm tra CONTENT_REMOTE_URL và máy chủ git rồi khởi động lại.`,
);

// The Decap endpoint (docs/adr/0041)
export const ProxyBadRequestError = appError<{ action: string; issues: string[] }>(
  'E_PROXY_BAD_REQUEST',
  422,
  (data) => `Yêu cầu "${data.action}" không hợp lệ: ${data.issues.join('; ')}`,
);

export const UnknownActionError = appError<{ action: string }>(
  'E_PROXY_UNKNOWN_ACTION',
  422,
  (data) => `Thao tác "${data.action}" chưa được hỗ trợ.`,
);

export const PathNotAllowedError = appError<{
  path: string;
  reason: 'outside-site' | 'not-an-entry' | 'not-media' | 'section' | 'rename' | 'collection';
}>(
  'E_PROXY_PATH_NOT_ALLOWED',
  403,
  (data) =>
    `Đường dẫn "${data.path}" không được phép: bài viết nằm trong content/<trang>/<chuyên mục>/<tên-bài>.mdx, tệp nằm trong content/<trang>/tep/ (chữ thường không dấu, không có "..").`,
);

/** What `parseEntry` found: invalid frontmatter, code in MDX, unsafe links… */
export const ContentRejectedError = appError<{ path: string; problems: ContentProblem[] }>(
  'E_PROXY_CONTENT_REJECTED',
  422,
  (data) => {
    const list = data.problems.map((p) => formatProblem({ ...p, file: p.file.split('/').at(-1) ?? p.file })).join('\n');
    return `Bài chưa được lưu vì còn lỗi:\n${list}`;
  },
);

/** A file the board uploads is over the limit (a citizen's attachment has `FileTooLargeError`, citizen-services). */
export const MediaTooLargeError = appError<{ path: string; bytes: number; limit: number }>(
  'E_PROXY_FILE_TOO_LARGE',
  413,
  (data) => {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return `Tệp "${data.path.split('/').at(-1)}" quá lớn (${mb(data.bytes)}); giới hạn là ${mb(data.limit)}.`;
  },
);

/** Saving straight to main would skip the three steps of Điều 19. */
export const WorkflowRequiredError = appError<{ action: string }>(
  'E_PROXY_WORKFLOW_REQUIRED',
  403,
  () => 'Bài phải qua quy trình ba bước (nhập mới, xác thực, đăng tải) trước khi lên Website (Điều 19).',
);

export const MediaNotFoundError = appError<{ path: string }>(
  'E_PROXY_FILE_NOT_FOUND',
  404,
  (data) => `Không tìm thấy tệp "${data.path}".`,
);

/** A version number the entry's history does not have: nothing is restored or compared. */
export const VersionNotFoundError = appError<{ section: SectionId; slug: string; version: number }>(
  'E_VERSION_NOT_FOUND',
  404,
  (data) =>
    `Bài ${sectionInfo(data.section).label.toLowerCase()} "${data.slug}" không có phiên bản số ${data.version}.`,
);

/** A link that was not made here, or was changed on the way: its signature does not match. Says nothing more. */
export const ShareLinkInvalidError = appError(
  'E_SHARE_LINK_INVALID',
  404,
  () => 'Liên kết xem trước không đúng. Hãy đề nghị người gửi cho bạn liên kết mới.',
);

export const ShareLinkExpiredError = appError<{ expiredAt: number }>(
  'E_SHARE_LINK_EXPIRED',
  410,
  (data) =>
    `Liên kết xem trước đã hết hạn lúc ${formatDateTime(data.expiredAt)}. Hãy đề nghị người gửi cho bạn liên kết mới.`,
);

export const ShareLinkRevokedError = appError(
  'E_SHARE_LINK_REVOKED',
  410,
  () => 'Liên kết xem trước đã bị Ban Biên tập thu hồi.',
);

/** The draft was published, taken back or discarded since the link was made: there is nothing left to preview. */
export const ShareDraftGoneError = appError<{ section: SectionId; slug: string }>(
  'E_SHARE_DRAFT_GONE',
  410,
  () => 'Bản nháp này không còn để xem trước: bài đã được đăng tải hoặc đã bị huỷ.',
);

/** A draft marked as a state secret is never shown outside the board (Điều 4.2đ). */
export const ShareStateSecretError = appError<{ section: SectionId; slug: string }>(
  'E_SHARE_STATE_SECRET',
  403,
  () => 'Bài có nội dung bí mật nhà nước (Điều 4.2đ) không được chia sẻ ra ngoài Ban Biên tập.',
);

export const ShareLifetimeInvalidError = appError<{ value: string }>(
  'E_SHARE_LIFETIME_INVALID',
  400,
  () => 'Hãy chọn thời hạn của liên kết trong danh sách.',
);

/** Only who made a link, or who verifies or publishes, takes it back. */
export const ShareLinkNotYoursError = appError<{ username: string }>(
  'E_SHARE_LINK_NOT_YOURS',
  403,
  () => 'Chỉ người tạo liên kết, người xác thực hoặc người đăng tải mới được thu hồi liên kết này.',
);

/** A file asked through a share link must lie below the site's media folder: no `..`, no empty or `.` segment. */
export const ShareFilePathError = appError('E_SHARE_FILE_PATH', 400, () => 'Đường dẫn tệp không hợp lệ.');

/**
 * A file the site no longer has, brought back on the draft by restoring an old version (docs/adr/0119): someone took
 * it off the site, so it leaves the board again only once the board has verified and published the draft.
 */
export const ShareFileRestoredError = appError<{ file: string }>(
  'E_SHARE_FILE_RESTORED',
  403,
  () =>
    'Tệp này đã được gỡ khỏi trang và chỉ trở lại bản nháp do khôi phục phiên bản cũ. Liên kết xem trước không hiển thị tệp này; tệp chỉ được công khai lại khi bài được xác thực và đăng tải.',
);

/** The draft preview was sent something that is not an entry of a section (docs/adr/0106). */
export const DraftPreviewInvalidError = appError<{ issues: string[] }>(
  'E_DRAFT_PREVIEW_INVALID',
  400,
  () => 'Yêu cầu xem trước không đúng dạng: cần chuyên mục, tên tệp và các trường của bài.',
);

/** No warm renderer could draw the draft now (docs/adr/0106): said in words, never a crash page. */
export const DraftRenderUnavailableError = appError<{ site: string }>(
  'E_DRAFT_RENDER_UNAVAILABLE',
  503,
  () => 'Chưa dựng được bản xem trước lúc này; vui lòng thử lại sau ít phút.',
);
