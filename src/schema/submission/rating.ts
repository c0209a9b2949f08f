import { z } from 'zod';
import { optionalText } from './fields.ts';

/**
 * A citizen's rating of a closed case (docs/adr/0058), the question of the
 * national satisfaction index: how satisfied, 1 to 5, and an optional
 * comment. The comment is data like every citizen text (docs/adr/0042).
 */
export const RATING_SCORES = [1, 2, 3, 4, 5] as const;
export const RATING_LABELS: Record<(typeof RATING_SCORES)[number], string> = {
  1: 'Rất không hài lòng',
  2: 'Không hài lòng',
  3: 'Bình thường',
  4: 'Hài lòng',
  5: 'Rất hài lòng',
};

const SCORE_MESSAGE = 'Vui lòng chọn mức độ hài lòng, từ 1 đến 5.';

export const RatingSubmissionSchema = z.object({
  score: z
    .preprocess(
      (value) => (typeof value === 'string' && /^[1-5]$/.test(value.trim()) ? Number(value) : value),
      z.unknown().superRefine((value, ctx) => {
        if (value === undefined || value === '')
          ctx.addIssue({ code: 'custom', message: SCORE_MESSAGE, params: { problem: 'required' } });
        else if (!RATING_SCORES.includes(value as 1))
          ctx.addIssue({ code: 'custom', message: SCORE_MESSAGE, params: { problem: 'invalid-format' } });
      }),
    )
    .transform((value) => value as number),
  comment: optionalText('Ý kiến góp ý', { max: 1_000, multiline: true }),
});
export type RatingSubmission = z.infer<typeof RatingSubmissionSchema>;
