import type { ContentProblem } from '../../src/content-source/problems.ts';
import { formatProblem } from '../../src/content-source/problems.ts';
import { AppError } from '../errors/app-error.ts';

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
