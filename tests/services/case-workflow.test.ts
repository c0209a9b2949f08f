import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openContentRepository } from '#server/editorial/content-repository/repository.ts';
import { revealsIdentity, visiblePayload, WITHHELD } from '#server/citizen-services/case-confidentiality.ts';
import {
  availableTransitions,
  checkTransition,
  relationsTo,
  ruleFor,
  tellsCitizen,
  TRANSITION_NAMES,
  type CaseRelation,
} from '#server/citizen-services/case-workflow.ts';
import { answeredQuestionMdx, createQuestionPublisher } from '#server/citizen-services/question-publisher.ts';
import { createPublicationGate } from '#server/editorial/publication-gate.ts';
import { parseEntry } from '#src/content-source/entries.ts';
import { trackingPrefix } from '#server/citizen-services/case-departments.ts';
import { CASE_STATUSES, type CaseRecord } from '#server/platform/storage/case-records.ts';
import { COMPLAINT_KINDS, SERVICE_IDS, type ServiceId } from '#src/schema/service-process.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};
const ALL_RELATIONS: CaseRelation[] = ['head', 'assignee', 'reception', 'citizen'];

describe('case workflow: each transition, from where, and who may fire it', () => {
  // Complaints, denunciations, feedback and petitions share a service but not every step (Luật Tố cáo 2018).
  const targets = SERVICE_IDS.flatMap(
    (service): Array<{ service: ServiceId; kind: string | null }> =>
      service === 'khieu-nai-to-cao' ? COMPLAINT_KINDS.map((kind) => ({ service, kind })) : [{ service, kind: null }],
  );
  for (const { service, kind } of targets) {
    const label = kind ? `${service} (${kind})` : service;
    for (const name of TRANSITION_NAMES) {
      const rule = ruleFor(service, kind, name);
      if (!rule) {
        it(`${label}: ${name} does not exist here`, () => {
          expect(
            codeOf(() =>
              checkTransition({ service, kind, status: 'submitted' }, name, new Set(ALL_RELATIONS), {
                publicText: 'x',
                assigneeId: 'a',
              }),
            ),
          ).toBe('E_TRANSITION_NOT_ALLOWED');
        });
        continue;
      }
      it(`${label}: ${name} by ${rule.by.join('/')} from ${rule.from.join('/')}`, () => {
        const input = { publicText: 'Lý do gửi công dân', assigneeId: 'officer-1' };
        for (const relation of ALL_RELATIONS) {
          for (const status of CASE_STATUSES) {
            const code = codeOf(() => checkTransition({ service, kind, status }, name, new Set([relation]), input));
            if (!rule.by.includes(relation)) expect(code, `${relation} from ${status}`).toBe('E_CASE_PERMISSION');
            else if (!rule.from.includes(status))
              expect(code, `${relation} from ${status}`).toBe('E_TRANSITION_NOT_ALLOWED');
            else expect(code, `${relation} from ${status}`).toBeUndefined();
          }
        }
        if (rule.needs) {
          const allowed = new Set([rule.by[0]!]);
          expect(codeOf(() => checkTransition({ service, kind, status: rule.from[0]! }, name, allowed, {}))).toBe(
            'E_REASON_REQUIRED',
          );
        }
      });
    }
  }

  it('offers an officer only the buttons the table allows them now', () => {
    const complaint = (status: CaseRecord['status']) => ({
      service: 'khieu-nai-to-cao' as const,
      kind: 'khieu-nai',
      status,
    });
    expect(availableTransitions(complaint('submitted'), new Set(['reception']))).toEqual([
      'accept',
      'reject',
      'note',
      'receiveSignedLetter',
    ]);
    expect(availableTransitions(complaint('accepted'), new Set(['head']))).toEqual([
      'assign',
      'startVerification',
      'declareComplex',
      'resolve',
      'note',
    ]);
    expect(
      availableTransitions({ service: 'ho-so', kind: 'ca-nhan', status: 'supplement-requested' }, new Set(['head'])),
    ).not.toContain('supplement');
    expect(
      availableTransitions({ service: 'hoi-dap', kind: null, status: 'awaiting-approval' }, new Set(['assignee'])),
    ).toEqual(['note']);
  });

  it('gives a denunciation its own steps: extensions and suspension by the head, acceptance by the head or assignee only (Luật Tố cáo 2018 Điều 24, 30, 34)', () => {
    const denunciation = (status: CaseRecord['status']) => ({
      service: 'khieu-nai-to-cao' as const,
      kind: 'to-cao',
      status,
    });
    expect(availableTransitions(denunciation('submitted'), new Set(['reception']))).toEqual([
      'note',
      'receiveSignedLetter',
    ]);
    expect(availableTransitions(denunciation('submitted'), new Set(['head']))).toEqual([
      'accept',
      'reject',
      'assign',
      'note',
      'receiveSignedLetter',
      'extendAcceptance',
    ]);
    expect(availableTransitions(denunciation('in-progress'), new Set(['head']))).toEqual([
      'assign',
      'resolve',
      'note',
      'extend',
      'suspend',
    ]);
    expect(availableTransitions(denunciation('suspended'), new Set(['head']))).toEqual(['assign', 'note', 'resume']);
    expect(
      codeOf(() => checkTransition(denunciation('accepted'), 'declareComplex', new Set(['head']), { publicText: 'x' })),
    ).toBe('E_TRANSITION_NOT_ALLOWED');
    expect(
      codeOf(() =>
        checkTransition(
          { service: 'khieu-nai-to-cao', kind: 'khieu-nai', status: 'accepted' },
          'extend',
          new Set(['head']),
          { publicText: 'x' },
        ),
      ),
    ).toBe('E_TRANSITION_NOT_ALLOWED');
    expect(
      availableTransitions({ service: 'khieu-nai-to-cao', kind: 'phan-anh', status: 'submitted' }, new Set(['head'])),
    ).not.toContain('receiveSignedLetter');
  });

  it('gives a request for information its steps: at once, or accepted then answered, extended by the head only, refused only with reasons (docs/adr/0048)', () => {
    const request = (status: CaseRecord['status']) => ({
      service: 'tiep-can-thong-tin' as const,
      kind: 'thu-dien-tu',
      status,
    });
    expect(availableTransitions(request('submitted'), new Set(['reception']))).toEqual([
      'accept',
      'reject',
      'resolve',
      'note',
    ]);
    expect(availableTransitions(request('submitted'), new Set(['head']))).toEqual([
      'accept',
      'reject',
      'assign',
      'resolve',
      'note',
      'extend',
    ]);
    expect(availableTransitions(request('accepted'), new Set(['assignee']))).toEqual([
      'reject',
      'startVerification',
      'resolve',
      'note',
    ]);
    expect(
      codeOf(() => checkTransition(request('accepted'), 'extend', new Set(['assignee']), { publicText: 'x' })),
    ).toBe('E_CASE_PERMISSION');
    expect(codeOf(() => checkTransition(request('accepted'), 'reject', new Set(['head'])))).toBe('E_REASON_REQUIRED');
    expect(codeOf(() => checkTransition(request('resolved'), 'extend', new Set(['head']), { publicText: 'x' }))).toBe(
      'E_TRANSITION_NOT_ALLOWED',
    );
    expect(tellsCitizen(request('accepted'), 'extend', false)).toBe(true);
  });

  it('tells the citizen of every change of status and of each decision on their deadlines, not of notes or assignments', () => {
    const denunciation = { service: 'khieu-nai-to-cao' as const, kind: 'to-cao' };
    expect(tellsCitizen(denunciation, 'extend', false)).toBe(true);
    expect(tellsCitizen(denunciation, 'extendAcceptance', false)).toBe(true);
    expect(tellsCitizen({ ...denunciation, kind: 'khieu-nai' }, 'declareComplex', false)).toBe(true);
    expect(tellsCitizen({ ...denunciation, kind: 'khieu-nai' }, 'receiveSignedLetter', false)).toBe(true);
    expect(tellsCitizen(denunciation, 'note', false)).toBe(false);
    expect(tellsCitizen(denunciation, 'assign', false)).toBe(false);
    expect(tellsCitizen(denunciation, 'suspend', true)).toBe(true);
  });

  it('derives relations from department, role, assignment and grants, never for another department or the admin', () => {
    const target = { departmentId: 'sotuphap', service: 'hoi-dap' as const, assignedTo: null };
    expect([...relationsTo({ id: 'h', role: 'head', departmentId: 'sotuphap' }, target, new Set())]).toEqual(['head']);
    expect([
      ...relationsTo({ id: 'e', role: 'editor', departmentId: 'sotuphap' }, target, new Set(['hoi-dap'])),
    ]).toEqual(['reception']);
    expect([
      ...relationsTo(
        { id: 'e', role: 'editor', departmentId: 'sotuphap' },
        { ...target, assignedTo: 'x' },
        new Set(['hoi-dap']),
      ),
    ]).toEqual([]);
    expect([
      ...relationsTo({ id: 'e', role: 'editor', departmentId: 'sotuphap' }, { ...target, assignedTo: 'e' }, new Set()),
    ]).toEqual(['assignee']);
    expect([...relationsTo({ id: 'h', role: 'head', departmentId: 'soyte' }, target, new Set(['hoi-dap']))]).toEqual(
      [],
    );
    expect([...relationsTo({ id: 'a', role: 'admin', departmentId: null }, target, new Set())]).toEqual([]);
  });
});

describe('confidentiality of denouncers (Luật Tố cáo 2018 Điều 9.1b)', () => {
  const payload = {
    kind: 'to-cao',
    fullName: 'Người Tố Cáo',
    address: 'Huế',
    idNumber: '046190001234',
    phone: '0912345678',
    email: 'a@b.vn',
    respondentName: 'Ông B',
    content: 'Nội dung',
    reasons: 'Tôi, Người Tố Cáo, chứng kiến',
  };
  it('withholds identity and free text from reception for a denunciation, shows them to head and assignee', () => {
    expect(revealsIdentity('to-cao', new Set(['reception']))).toBe(false);
    expect(visiblePayload(payload, 'to-cao', new Set(['reception']))).toEqual({
      kind: 'to-cao',
      fullName: WITHHELD,
      address: WITHHELD,
      idNumber: WITHHELD,
      phone: WITHHELD,
      email: WITHHELD,
      respondentName: 'Ông B',
      content: WITHHELD,
      reasons: WITHHELD,
    });
    expect(visiblePayload(payload, 'to-cao', new Set(['head']))).toBe(payload);
    expect(visiblePayload(payload, 'to-cao', new Set(['assignee']))).toBe(payload);
    expect(visiblePayload(payload, 'khieu-nai', new Set(['reception']))).toBe(payload);
  });
});

describe('tracking-code prefixes', () => {
  it('takes the initials of the department, without "và"', () => {
    expect(trackingPrefix('Sở Tư pháp')).toBe('STP');
    expect(trackingPrefix('Sở Giáo dục và Đào tạo')).toBe('SGDDT');
    expect(trackingPrefix('Sở Kế hoạch và Đầu tư')).toBe('SKHDT');
  });
});

describe('publishing an approved answer', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'congso-hoi-dap-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const record = {
    departmentId: 'sotuphap',
    trackingCode: 'STP-2026-7KQ4-M9',
    subject: 'Hỏi về phí',
    payload: {
      title: 'Hỏi về phí {cấp} <phiếu>',
      question: 'Phí cấp phiếu lý lịch tư pháp là bao nhiêu?',
      fullName: 'Nguyễn Văn Hỏi',
      phone: '0912345678',
      field: 'Lý lịch tư pháp',
    },
  } as unknown as CaseRecord;

  it('writes content/<site>/hoi-dap/<slug>.mdx on main, with the question and answer and none of the asker’s details', async () => {
    const seed = path.join(dir, 'seed');
    mkdirSync(path.join(seed, 'sites'), { recursive: true });
    writeFileSync(path.join(seed, 'sites', '.keep'), '');
    const repo = await openContentRepository({ dir: path.join(dir, 'repo'), seedFrom: seed });
    const file = await createQuestionPublisher(createPublicationGate({ repo })).publishAnsweredQuestionAsMdx({
      record,
      answer: 'Miễn phí.',
      approvedBy: { username: 'nvan', name: 'Nguyễn Văn An' },
      now: Date.UTC(2026, 0, 5),
    });
    expect(file).toMatch(/^content\/sotuphap\/hoi-dap\/hoi-ve-phi-cap-phieu-stp-2026-7kq4-m9\.mdx$/);
    const text = new TextDecoder().decode((await repo.readFile('main', file))!.bytes);
    expect(text).toContain('title: "Hỏi về phí {cấp} <phiếu>"');
    expect(text).toContain('Miễn phí.');
    expect(text).not.toContain('Nguyễn Văn Hỏi');
    expect(text).not.toContain('0912345678');
    expect(text).toContain('Phí cấp phiếu lý lịch tư pháp là bao nhiêu?');
    expect(readFileSync(path.join(dir, 'repo', file), 'utf8')).toBe(text);
  });

  it('keeps the citizen’s words as text fields, not MDX', () => {
    const question = 'Xin hỏi {1+1} và <script>alert(1)</script>';
    const { slug, text } = answeredQuestionMdx(
      { ...record, payload: { ...record.payload, question } } as CaseRecord,
      'Trả lời',
      0,
    );
    const { value, problems } = parseEntry('sotuphap', 'hoi-dap', `content/sotuphap/hoi-dap/${slug}.mdx`, text);
    expect(problems).toEqual([]);
    expect(value!.data).toMatchObject({ question, answer: 'Trả lời', field: 'Lý lịch tư pháp' });
    expect(value!.html).toBe('');
  });
});
