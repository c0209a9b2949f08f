import { describe, expect, it } from 'vitest';
import type { WorkflowStep } from './content-repository/workflow-record.ts';
import { boardWork, type WaitingEntry } from './board-work.ts';
import type { Actor } from './editorial-workflow.ts';

const member = (
  username: string,
  role: Actor['role'],
  sections: string[] = [],
  delegations: Actor['delegations'] = [],
): Actor => ({
  username,
  name: username,
  site: 'sotuphap',
  role,
  sections,
  delegations,
});
const head = member('annv', 'head');
const deputy = member('hanhttb', 'deputy');
const contributor = member('maiht', 'contributor', ['tin-tuc']);
const editor = member('minhlq', 'editor', ['van-ban'], ['publish']);

const step = (
  event: WorkflowStep['event'],
  state: WorkflowStep['state'],
  at: string,
  username: string,
): WorkflowStep => ({ event, state, at, by: { name: username, username }, commit: 'c' });

function entry(
  slug: string,
  state: 'draft' | 'in-review' | 'ready',
  steps: WorkflowStep[],
  options: { secret?: boolean; section?: 'tin-tuc' | 'van-ban' } = {},
): WaitingEntry {
  const section = options.section ?? 'tin-tuc';
  const owners = [
    ...new Set(steps.filter((s) => s.event === 'create' || s.event === 'submit').map((s) => s.by.username)),
  ];
  const verify = [...steps].reverse().find((s) => s.event === 'verify');
  const facts = {
    site: 'sotuphap',
    section,
    slug,
    state,
    owners,
    authors: owners,
    verifiedBy: state === 'ready' ? (verify?.by.username ?? null) : null,
    stateSecret: !!options.secret,
  };
  return {
    key: { site: 'sotuphap', section, slug },
    title: `Bài ${slug}`,
    facts,
    readFacts: facts,
    steps,
    updatedAt: steps.at(-1)!.at,
  };
}

// Monday 16/11/2026 09:00 in Huế; entries waiting since then.
const MON = '2026-11-16T02:00:00Z';
const inReview = entry('cho-xac-thuc', 'in-review', [
  step('create', 'draft', MON, 'maiht'),
  step('submit', 'in-review', MON, 'maiht'),
]);
const ready = entry('cho-dang', 'ready', [
  step('create', 'draft', MON, 'maiht'),
  step('submit', 'in-review', MON, 'maiht'),
  step('verify', 'ready', MON, 'hanhttb'),
]);
const returned = entry('tra-lai', 'draft', [
  step('create', 'draft', MON, 'maiht'),
  step('submit', 'in-review', MON, 'maiht'),
  step('return', 'draft', MON, 'hanhttb'),
]);
const secret = entry(
  'mat',
  'in-review',
  [step('create', 'draft', MON, 'minhlq'), step('submit', 'in-review', MON, 'minhlq')],
  { secret: true },
);
const ALL = [inReview, ready, returned, secret];
const at = (iso: string) => Date.parse(iso);

describe('boardWork (docs/adr/0091)', () => {
  it('gives the deputy what waits for verification, with the Điều 9 deadline of two working days', () => {
    const items = boardWork(deputy, ALL, at('2026-11-17T03:00:00Z'));
    expect(items.map((i) => [i.kind, i.title, i.href, i.late])).toEqual([
      ['verify', 'Bài cho-xac-thuc', '/admin/#/collections/tin-tuc/entries/cho-xac-thuc', false],
    ]);
    // A state secret is never verified for publication: it waits for nobody (docs/adr/0108).
    expect(items.map((i) => i.title)).not.toContain('Bài mat');
    // Due at the end of Wednesday 18/11 in Huế; late on Thursday.
    expect(items[0]!.dueAt).toBe('2026-11-18T16:59:59.999Z');
    expect(boardWork(deputy, ALL, at('2026-11-19T02:00:00Z'))[0]!.late).toBe(true);
  });

  it('gives the head what waits for publication (one working day) but not what they could only check', () => {
    const items = boardWork(head, ALL, at('2026-11-18T02:00:00Z'));
    expect(items.map((i) => [i.kind, i.title, i.late])).toEqual([['publish', 'Bài cho-dang', true]]);
  });

  it('never offers the verifier the publication of what they verified (four eyes, ADR 0043)', () => {
    const verifierWithPublish = { ...deputy, delegations: ['publish'] as Actor['delegations'] };
    expect(boardWork(verifierWithPublish, ALL, at(MON)).map((i) => i.kind)).not.toContain('publish');
  });

  it('gives the contributor their drafts sent back, without a deadline, and nothing to verify or publish', () => {
    expect(boardWork(contributor, ALL, at(MON)).map((i) => [i.kind, i.title, i.dueAt])).toEqual([
      ['sent-back', 'Bài tra-lai', null],
    ]);
  });

  it('gives a delegate only the sections they work in, and never a state-secret draft to publish (Điều 4.2đ)', () => {
    const inVanBan = entry(
      'van-ban-moi',
      'ready',
      [step('create', 'draft', MON, 'maiht'), step('verify', 'ready', MON, 'hanhttb')],
      { section: 'van-ban' },
    );
    const secretReady = entry(
      'mat-san-sang',
      'ready',
      [step('create', 'draft', MON, 'maiht'), step('verify', 'ready', MON, 'hanhttb')],
      { secret: true, section: 'van-ban' },
    );
    expect(boardWork(editor, [...ALL, inVanBan, secretReady], at(MON)).map((i) => [i.kind, i.title])).toEqual([
      ['publish', 'Bài van-ban-moi'],
    ]);
  });
});
