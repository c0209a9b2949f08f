import type { ContentProblem } from '#src/content-source/problems.ts';
import { formatProblem } from '#src/content-source/problems.ts';
import { AppError } from '#server/platform/app-error.ts';

/** Refusals of the publication gate (ADR 0045); tests assert `code`. */

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
