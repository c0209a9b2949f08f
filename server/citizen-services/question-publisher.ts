import type { PublicationGate } from '#server/editorial/index.ts';
import { stringifyFrontmatter } from '#src/content-source/frontmatter.ts';
import { slugify } from '#src/text/fold.ts';
import type { CaseRecord } from '#server/platform/storage/case-records.ts';

/**
 * Publishing an approved answer (Điều 13.3): `content/<site>/hoi-dap/<slug>.mdx`
 * committed to main of the content repository (the `hoi-dap` section). The entry carries the question
 * and the answer only: no name, address, contact or tracking code of the
 * asker, whatever they wrote in the form.
 */
export interface QuestionPublisher {
  publishAnsweredQuestionAsMdx(input: {
    record: CaseRecord;
    answer: string;
    approvedBy: { username: string; name: string };
    now: number;
  }): Promise<string>;
}

/**
 * The entry as a file: the citizen's question and the officer's answer are
 * YAML string fields, written by the project's front-matter writer, never
 * MDX: whatever they contain (`export …`, `{…}`, `<script>`, `---`) reaches
 * the page as text and cannot stop the department's build
 * (docs/adr/0042-citizen-text-is-data.md).
 */
export function answeredQuestionMdx(record: CaseRecord, answer: string, now: number): { slug: string; text: string } {
  const title = String(record.payload.title ?? record.subject);
  const question = String(record.payload.question ?? '');
  const field = typeof record.payload.field === 'string' ? record.payload.field : undefined;
  const slug = `${slugify(title).slice(0, 80).replace(/-+$/, '') || 'cau-hoi'}-${record.trackingCode.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const nfc = (value: string) => value.normalize('NFC');
  const text = stringifyFrontmatter({
    title: nfc(title),
    date: new Date(now).toISOString(),
    ...(field ? { field: nfc(field) } : {}),
    question: nfc(question),
    answer: nfc(answer),
  });
  return { slug, text };
}

/**
 * The answer goes live through the publication gate like any change of main
 * (ADR 0045): checked as the build checks it, committed, and the site's
 * rebuild queued; the officer's answer is recorded without waiting for it.
 */
export function createQuestionPublisher(gate: PublicationGate | (() => Promise<PublicationGate>)): QuestionPublisher {
  return {
    async publishAnsweredQuestionAsMdx({ record, answer, approvedBy, now }) {
      const { slug, text } = answeredQuestionMdx(record, answer, now);
      const site = record.departmentId;
      const file = `content/${site}/hoi-dap/${slug}.mdx`;
      await (typeof gate === 'function' ? await gate() : gate).apply({
        site,
        entry: { site, section: 'hoi-dap', slug },
        files: [{ path: file, content: text }],
        by: approvedBy,
        summary: `Đăng câu hỏi – trả lời ${record.trackingCode}`,
        trailers: [
          ['Published-by', `${approvedBy.name} <${approvedBy.username}>`],
          ['Case', record.trackingCode],
        ],
      });
      return file;
    },
  };
}
