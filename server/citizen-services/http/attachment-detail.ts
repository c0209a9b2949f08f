import { formatNumber } from '#src/text/format-number.ts';
import { t } from '#server/platform/ui/vi.ts';

/** "(120 KB, công dân nộp)": what the case page and the look-up page say after a file's name. */
export function attachmentDetail(size: number, source: string): string {
  return t('case.attachmentDetail', {
    size: t('common.kilobytes', { count: formatNumber(Math.ceil(size / 1024)) }),
    source,
  });
}
