import { describe, expect, it } from 'vitest';
import { seededRandom } from '../build/synthetic-content.ts';
import { stableResort } from './stable-resort.ts';

describe('a list sorted again from its last order (docs/adr/0114)', () => {
  interface Item {
    key: number;
    id: number;
  }
  // Few distinct keys: ties are common, and a stable sort orders them by place in the list.
  const byKey = (a: Item, b: Item) => a.key - b.key;

  it('is what a stable sort gives after elements come, go, change or move', () => {
    const rand = seededRandom(7);
    let id = 0;
    const item = (): Item => ({ key: Math.floor(rand() * 8), id: id++ });
    let list = Array.from({ length: 60 }, item);
    let before = [...list].sort(byKey);
    for (let step = 0; step < 500; step++) {
      const i = Math.floor(rand() * list.length);
      const change = rand();
      if (change < 0.3) list.splice(i, 0, item());
      else if (change < 0.5) list.splice(i, 1);
      else if (change < 0.7) list = list.map((e, j) => (j === i ? { ...e, key: Math.floor(rand() * 8) } : e));
      else if (change < 0.8) list = [...list.slice(i), ...list.slice(0, i)];
      else if (change < 0.9) list.push(item(), item(), item());
      const sorted = stableResort(before, list, byKey);
      expect(sorted.map((e) => e.id)).toEqual([...list].sort(byKey).map((e) => e.id));
      before = sorted;
    }
  });

  it('sorts afresh when there is nothing to start from', () => {
    const list = [
      { key: 2, id: 0 },
      { key: 1, id: 1 },
      { key: 2, id: 2 },
    ];
    expect(stableResort(undefined, list, byKey).map((e) => e.id)).toEqual([1, 0, 2]);
  });
});
