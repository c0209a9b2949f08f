import type { z } from 'zod';
import { Text } from '../common.ts';
import { EntryBaseSchema } from './base.ts';

/**
 * Điều 13.3: a citizen's question on policy or law with the department's
 * answer, published once the head approves it. The asker is never named.
 * The question and the answer are plain text held as fields, never MDX: the
 * site prints them as paragraphs of text whatever they contain
 * (docs/adr/0042-citizen-text-is-data.md). The body is the editorial board's
 * own MDX, for a note; entries published before the fields existed carry the
 * question and the answer there, which is why the fields are optional.
 */
export const QuestionAnswerEntrySchema = EntryBaseSchema.extend({
  field: Text(120).optional().meta({ title: 'Lĩnh vực' }),
  /** As the citizen wrote it (the form takes up to 5 000 characters). */
  question: Text(10_000).optional().meta({ title: 'Câu hỏi' }),
  /** As the department answered; the back office sets no length, so the bound is generous. */
  answer: Text(100_000).optional().meta({ title: 'Trả lời' }),
});
export type QuestionAnswerEntry = z.infer<typeof QuestionAnswerEntrySchema>;
