import { commitToMain } from '../content-repo/entry-store.ts';
import type { ContentRepository } from '../content-repo/repository.ts';
import { stringifyFrontmatter } from '../../src/content-source/frontmatter.ts';
import { slugify } from '../../src/text/fold.ts';
import type { CaseRecord } from '../storage/case-records.ts';
import type { Publication } from '../lib/publish-queue.ts';

/**
 * Publishing an approved answer (Issue 5.4): `content/<site>/hoi-dap/<slug>.mdx`
 * committed to main of the content repository (the `hoi-dap` section), then
 * the site is rebuilt through `afterPublish`. The entry carries the question
 * and the answer only: no name, address, contact or tracking code of the
 * asker, whatever they wrote in the form.
 */
export interface QuestionPublisher {
  publishAnsweredQuestionAsMdx(input: { record: CaseRecord; answer: string; approvedBy: { username: string; name: string }; now: number }): Promise<string>;
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

/** Called after the commit with what was published, e.g. to queue the site's rebuild. */
export type AfterQuestionPublished = (published: Publication) => unknown;

export function createQuestionPublisher(repository: ContentRepository | Promise<ContentRepository>, afterPublish?: AfterQuestionPublished): QuestionPublisher {
  return {
    async publishAnsweredQuestionAsMdx({ record, answer, approvedBy, now }) {
      const repo = await repository;
      const { slug, text } = answeredQuestionMdx(record, answer, now);
      const file = `content/${record.departmentId}/hoi-dap/${slug}.mdx`;
      const commit = await commitToMain(repo, [{ path: file, content: text }], approvedBy, `Đăng câu hỏi – trả lời ${record.trackingCode}`, [
        ['Published-by', `${approvedBy.name} <${approvedBy.username}>`],
        ['Case', record.trackingCode],
      ]);
      // Not awaited: the officer's answer is recorded; the site follows as soon as its rebuild is done.
      void afterPublish?.({ site: record.departmentId, section: 'hoi-dap', slug, commit, by: approvedBy, publishedAt: now });
      return file;
    },
  };
}
