/**
 * `list` in the order a stable sort by `compare` gives it, found from
 * `before`, the same kind of list sorted the same way a publication ago: its
 * elements still in `list` keep their order, the new ones are sorted and
 * merged in. A stable sort orders by `compare`, then by place in `list`; the
 * result is checked against that order and sorted afresh when it is not, so
 * it is always the sort's (docs/adr/0114).
 */
export function stableResort<T>(
  before: readonly T[] | undefined,
  list: readonly T[],
  compare: (a: T, b: T) => number,
): T[] {
  const afresh = () => [...list].sort(compare);
  if (!before) return afresh();
  const place = new Map<T, number>();
  for (const [i, e] of list.entries()) place.set(e, i);
  if (place.size !== list.length) return afresh();
  const order = (a: T, b: T) => compare(a, b) || place.get(a)! - place.get(b)!;
  const kept = before.filter((e) => place.has(e));
  const keptSet = new Set(kept);
  if (keptSet.size !== kept.length) return afresh();
  const added = list.filter((e) => !keptSet.has(e)).sort(order);
  const sorted: T[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length && j < added.length) sorted.push(order(kept[i]!, added[j]!) <= 0 ? kept[i++]! : added[j++]!);
  while (i < kept.length) sorted.push(kept[i++]!);
  while (j < added.length) sorted.push(added[j++]!);
  for (let n = 1; n < sorted.length; n++) if (!(order(sorted[n - 1]!, sorted[n]!) < 0)) return afresh();
  return sorted;
}
