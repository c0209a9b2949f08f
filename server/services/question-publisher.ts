import { commitToMain } from '../content-repo/entry-store.ts';
import type { ContentRepository } from '../content-repo/repository.ts';
import { slugify } from '../../src/text/fold.ts';
import type { CaseRecord } from '../storage/case-records.ts';

/**
 * Publishing an approved answer (Issue 5.4). The schema has no `hoi-dap`
 * collection yet (src/schema/sections.ts lists the eight Điều 7 sections and
 * Q&A is none of them), so this writes `content/<site>/hoi-dap/<slug>.mdx`
 * straight to main of the content repository and nothing else: no build is
 * queued until the collection exists, because `npm run check` would refuse an
 * unknown folder. The entry carries the question and the answer only: no
 * name, address or contact of the asker, whatever they wrote in the form.
 */
export interface QuestionPublisher {
  publishAnsweredQuestionAsMdx(input: { record: CaseRecord; answer: string; approvedBy: { username: string; name: string }; now: number }): Promise<string>;
}

function yamlString(value: string): string {
  return JSON.stringify(value.normalize('NFC'));
}

/** MDX would run `{…}` and `<Tag>`; a citizen's text is shown as text, so those characters are escaped. */
function mdxText(value: string): string {
  return value.normalize('NFC').replace(/[\\`*_{}<>[\]#|!]/g, (c) => `\\${c}`);
}

export function answeredQuestionMdx(record: CaseRecord, answer: string, now: number): { slug: string; text: string } {
  const title = String(record.payload.title ?? record.subject);
  const question = String(record.payload.question ?? '');
  const field = typeof record.payload.field === 'string' ? record.payload.field : undefined;
  const slug = `${slugify(title).slice(0, 80).replace(/-+$/, '') || 'cau-hoi'}-${record.trackingCode.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const text = [
    '---',
    `title: ${yamlString(title)}`,
    `date: ${new Date(now).toISOString()}`,
    ...(field ? [`field: ${yamlString(field)}`] : []),
    `trackingCode: ${yamlString(record.trackingCode)}`,
    '---',
    '',
    '## Câu hỏi',
    '',
    mdxText(question),
    '',
    '## Trả lời',
    '',
    mdxText(answer),
    '',
  ].join('\n');
  return { slug, text };
}

export function createQuestionPublisher(repository: ContentRepository | Promise<ContentRepository>): QuestionPublisher {
  return {
    async publishAnsweredQuestionAsMdx({ record, answer, approvedBy, now }) {
      const repo = await repository;
      const { slug, text } = answeredQuestionMdx(record, answer, now);
      const file = `content/${record.departmentId}/hoi-dap/${slug}.mdx`;
      await commitToMain(repo, [{ path: file, content: text }], approvedBy, `Đăng câu hỏi – trả lời ${record.trackingCode}`, [
        ['Published-by', `${approvedBy.name} <${approvedBy.username}>`],
        ['Case', record.trackingCode],
      ]);
      return file;
    },
  };
}
