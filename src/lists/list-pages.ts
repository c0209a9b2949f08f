/**
 * How a list is cut into pages and how its pages link to each other
 * (docs/adr/0112-list-pages-that-stay-put.md). Pure: the routes, the sitemap
 * and the renderer's digests (src/build/page-dependencies.ts) all cut a list
 * here, so a page's digest is computed from exactly what the page shows.
 *
 * A list whose newest entries come first is numbered from its oldest end:
 * archive page n always holds the entries 20(n-1)…20n-1 counted from the
 * oldest, so a new entry, or the newest taken down, changes the front page
 * and at most the newest archive page, never the rest. The front page holds
 * what the archive pages do not: the 20 to 39 newest entries (all of them
 * under 40). Any other list (A–Z, by order, oldest first) is cut from its
 * start as before: page 1 is the front page, and an entry added at the end
 * changes the last page only.
 */
export const PAGE_SIZE = 20;

/** One page of a list: `page` is undefined for the front page; `start`/`end` index the list in display order. */
export interface ListSlot {
  page?: number;
  start: number;
  end: number;
}

/** The pages of a list of `total` entries, front page first, then in display order. */
export function listSlots(total: number, newestFirst: boolean): ListSlot[] {
  if (newestFirst) {
    const archive = total >= 2 * PAGE_SIZE ? Math.floor(total / PAGE_SIZE) - 1 : 0;
    const front = total - archive * PAGE_SIZE;
    const slots: ListSlot[] = [{ start: 0, end: front }];
    for (let n = archive; n >= 1; n--)
      slots.push({ page: n, start: total - n * PAGE_SIZE, end: total - (n - 1) * PAGE_SIZE });
    return slots;
  }
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return Array.from({ length: pages }, (_, i) => ({
    page: i === 0 ? undefined : i + 1,
    start: i * PAGE_SIZE,
    end: Math.min(total, (i + 1) * PAGE_SIZE),
  }));
}

/** A link of the page navigation: `page` undefined is the front page. */
export interface NavLink {
  page?: number;
  /** What the link shows: a page number, or the front page of a newest-first list (`newest`). */
  label: number | 'newest';
  current: boolean;
}

export interface ListNav {
  newestFirst: boolean;
  /** The page shown (undefined: the front page). */
  page?: number;
  /** The neighbouring page before this one in display order (`rel="prev"`): newer, or the previous number. */
  prev?: { page?: number };
  /** The one after (`rel="next"`): older, or the next number. */
  next?: { page?: number };
  /** Links in display order; `null` is a gap. */
  links: Array<NavLink | null>;
}

/**
 * The navigation of one page. It shows the page's neighbours and the two
 * ends it can name without knowing the list's length (the front page, and
 * page 1 of the archive): the number of pages is not on it, so a page far
 * from the newest end stays the same when the list grows (docs/adr/0112).
 */
export function listNav(total: number, newestFirst: boolean, page: number | undefined): ListNav {
  const slots = listSlots(total, newestFirst);
  return navAt(
    slots,
    slots.findIndex((s) => s.page === page),
    newestFirst,
  );
}

/** The navigation of every page of a list, in the order of `listSlots`: the renderer's digests cut the list once (docs/adr/0114). */
export function listNavs(total: number, newestFirst: boolean): ListNav[] {
  const slots = listSlots(total, newestFirst);
  return slots.map((_, at) => navAt(slots, at, newestFirst));
}

function navAt(slots: ListSlot[], at: number, newestFirst: boolean): ListNav {
  const here = slots[at]!;
  const pageOf = (i: number) => (slots[i] ? { page: slots[i].page } : undefined);
  const prev = at > 0 ? pageOf(at - 1) : undefined;
  const next = pageOf(at + 1);
  const links: Array<NavLink | null> = [];
  if (slots.length < 2) return { newestFirst, page: here.page, links };
  const link = (i: number): NavLink => ({
    page: slots[i]!.page,
    label: newestFirst ? (slots[i]!.page ?? 'newest') : (slots[i]!.page ?? 1),
    current: i === at,
  });
  // The first slot (front), the neighbours, and for a newest-first list the oldest page: never the count.
  const shown = new Set([0, at - 1, at, at + 1].filter((i) => i >= 0 && i < slots.length));
  if (newestFirst && at + 1 < slots.length) shown.add(slots.length - 1);
  const order = [...shown].sort((a, b) => a - b);
  let last = -1;
  for (const i of order) {
    if (i > last + 1) links.push(null);
    links.push(link(i));
    last = i;
  }
  if (!newestFirst && at + 2 < slots.length) links.push(null);
  return { newestFirst, page: here.page, prev, next, links };
}
