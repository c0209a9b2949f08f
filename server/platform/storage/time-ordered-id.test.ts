import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './time-ordered-id.ts';

describe('time-ordered ids (docs/adr/0111)', () => {
  it('are version-7 UUIDs that sort in the order they were made, within a millisecond too, and never repeat', () => {
    const ids = [
      ...Array.from({ length: 500 }, () => timeOrderedId(Date.parse('2026-12-05T10:00:00.000Z'))),
      ...Array.from({ length: 500 }, () => timeOrderedId(Date.parse('2026-12-05T10:00:00.001Z'))),
    ];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
  });
});
