import { describe, expect, it } from 'vitest';
import { linkedUsernames, sharesCredentials } from './credential-witness.ts';

const head = { id: 'h', username: 'tvhung', credentialsSeenBy: null };
const mai = { id: 'm', username: 'dtmai', credentialsSeenBy: 'h' };
const an = { id: 'a', username: 'nvan', credentialsSeenBy: 'h' };
const tuan = { id: 't', username: 'pmtuan', credentialsSeenBy: null };

describe('credential witnesses (docs/adr/0017)', () => {
  it('links an account with whoever saw its current password, both ways', () => {
    expect(sharesCredentials(mai, head)).toBe(true);
    expect(sharesCredentials(head, mai)).toBe(true);
    expect(sharesCredentials(mai, an)).toBe(false);
    expect(sharesCredentials(head, tuan)).toBe(false);
  });

  it('lists the witness for the holder, and every account witnessed for the witness, sorted and once', () => {
    expect(linkedUsernames(mai, [head, an, tuan])).toEqual(['tvhung']);
    expect(linkedUsernames(head, [an, mai, tuan, mai])).toEqual(['dtmai', 'nvan']);
    expect(linkedUsernames(tuan, [head, mai, an])).toEqual([]);
  });

  it('never links an account with itself', () => {
    const selfSeen = { id: 's', username: 'self', credentialsSeenBy: 's' };
    expect(linkedUsernames(selfSeen, [selfSeen])).toEqual([]);
  });
});
