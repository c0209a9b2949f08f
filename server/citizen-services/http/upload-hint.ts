import { formatNumber } from '#src/text/format-number.ts';
import { t } from '#server/platform/ui/vi.ts';
import { FILE_KINDS, type UploadLimits } from '../uploads.ts';

const MEGABYTE = 1024 * 1024;

/** The extensions a file input offers: every kind the bytes check accepts (uploads.ts). */
export const ACCEPTED_EXTENSIONS = Object.values(FILE_KINDS)
  .flatMap((kind) => kind.extensions)
  .map((extension) => `.${extension}`)
  .join(',');

const megabytes = (bytes: number) =>
  t('common.megabytes', { count: formatNumber(Math.round((bytes / MEGABYTE) * 10) / 10) });

/** "PDF, JPEG, PNG, DOCX hoặc ODT; mỗi tệp tối đa 10 MB, …": the kinds and the limits the service is configured with. */
export function uploadHint(limits: UploadLimits): string {
  const kinds = Object.keys(FILE_KINDS).map((kind) => kind.toUpperCase());
  const listed = `${kinds.slice(0, -1).join(', ')} ${t('form.or')} ${kinds.at(-1)}`;
  return t('form.filesHint', {
    kinds: listed,
    perFile: megabytes(limits.maxFileBytes),
    total: megabytes(limits.maxTotalBytes),
    count: limits.maxFiles,
  });
}
