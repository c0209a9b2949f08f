import { describe, expect, it } from 'vitest';
import { balanceGroups } from '#src/build/build-groups.ts';

describe('sites are split between the two build workers by entry count', () => {
  it('balances the load', () => {
    const groups = balanceGroups({ a: 400, b: 300, c: 200, d: 100, e: 100 }, 2);
    const load = (g: string[]) =>
      g.reduce((n, s) => n + ({ a: 400, b: 300, c: 200, d: 100, e: 100 } as Record<string, number>)[s]!, 0);
    expect(groups).toHaveLength(2);
    expect(Math.abs(load(groups[0]!) - load(groups[1]!))).toBeLessThanOrEqual(100);
    expect(groups.flat().sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('uses one worker for one site', () => {
    expect(balanceGroups({ sotuphap: 41 }, 2)).toEqual([['sotuphap']]);
  });
});
