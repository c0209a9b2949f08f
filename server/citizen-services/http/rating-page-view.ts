import { SERVICE_LABELS } from '#src/schema/service-process.ts';
import { RATING_LABELS, RATING_SCORES } from '#src/schema/submission/index.ts';
import { formatDateShort } from '#src/text/format-date.ts';
import type { CaseRating, CaseRecord } from '#server/platform/storage/case-records.ts';
import type { ErrorSummaryView } from '#server/platform/ui/components/error-summary.ts';
import { t } from '#server/platform/ui/vi.ts';
import { RATING_WINDOW_DAYS, ratingClosedReason } from '../case-rating.ts';

export interface RatingPageProps {
  record: CaseRecord;
  rating: CaseRating | null;
  now: number;
  /** Where the form posts: the link itself. */
  action: string;
  error?: string;
  values?: { score?: string; comment?: string };
  /** Just rated. */
  thanks?: boolean;
}

export interface RatingPageView {
  title: string;
  heading: string;
  /** Which case, without anything personal: the link may be opened on a shared computer. */
  about: string;
  /** What is said instead of the form: thanks, already rated, too late. */
  message: string | null;
  form: {
    action: string;
    scores: Array<{ value: string; label: string; checked: boolean }>;
    comment: string;
    error: ErrorSummaryView | null;
    window: string;
  } | null;
}

/** The page of the rating link of a closing mail (docs/adr/0058). */
export function ratingPageView(props: RatingPageProps): RatingPageView {
  const { record } = props;
  const heading = t('rating.pageTitle', { code: record.trackingCode });
  const about = t('rating.closedOn', {
    service: SERVICE_LABELS[record.service].toLowerCase(),
    date: formatDateShort(record.closedAt ?? record.updatedAt),
  });
  const title = props.error ? t('service.errorTitle', { title: heading }) : heading;
  if (props.thanks) return { title, heading, about, message: t('rating.thanks'), form: null };
  if (props.rating) {
    const given = t('rating.given', {
      score: props.rating.score,
      label: RATING_LABELS[props.rating.score as 1],
      date: formatDateShort(props.rating.ratedAt),
    });
    return { title, heading, about, message: given, form: null };
  }
  const reason = ratingClosedReason(record, props.now);
  if (reason)
    return { title, heading, about, message: t('rating.windowClosed', { days: RATING_WINDOW_DAYS }), form: null };
  const values = props.values ?? {};
  return {
    title,
    heading,
    about,
    message: null,
    form: {
      action: props.action,
      scores: RATING_SCORES.map((score) => ({
        value: String(score),
        label: `${score} – ${RATING_LABELS[score]}`,
        checked: values.score === String(score),
      })),
      comment: values.comment ?? '',
      error: props.error ? { className: 'dv-error-summary', message: props.error } : null,
      window: t('rating.window', { date: formatDateShort(record.closedAt! + RATING_WINDOW_DAYS * 86_400_000) }),
    },
  };
}
