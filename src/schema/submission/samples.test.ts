import { describe, expect, it } from 'vitest';
import { ComplaintSubmissionSchema } from './complaint.ts';
import { COMPLAINT, DENUNCIATION, numberedComplaint } from './samples.ts';

describe('sample submissions shared by the tests and the API bench', () => {
  it('are accepted by the complaint form as it is today', () => {
    const { 'idempotency-key': key, ...numbered } = numberedComplaint(7, 'bench');
    for (const sample of [COMPLAINT, DENUNCIATION, numbered])
      expect(ComplaintSubmissionSchema.safeParse(sample).error?.issues ?? []).toEqual([]);
    // The key is one a server accepts (22–128 of [A-Za-z0-9_-]) and differs from one number to the next.
    expect(key).toMatch(/^[A-Za-z0-9_-]{22,128}$/);
    expect(numberedComplaint(8, 'bench')['idempotency-key']).not.toBe(key);
  });
});
