import { z } from 'zod';
import { Text } from '../common.ts';
import { EntryBaseSchema } from './base.ts';

/**
 * Điều 13.3: a citizen's question on policy or law with the department's
 * answer, published once the head approves it. The asker is never named.
 */
export const QuestionAnswerEntrySchema = EntryBaseSchema.extend({
  field: Text(120).optional().meta({ title: 'Lĩnh vực' }),
});
export type QuestionAnswerEntry = z.infer<typeof QuestionAnswerEntrySchema>;
