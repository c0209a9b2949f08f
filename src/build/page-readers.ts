/**
 * Which rendered pages read each dependency key, kept by the warm renderer
 * between publications (docs/adr/0114-a-plan-proportional-to-the-change.md).
 * A publication then finds its stale pages from the keys whose digest moved,
 * instead of going through every page and every key it read (docs/adr/0046).
 */
const KNOWN_KEY = /^(entry|section|updated|translations|time|list|facets):/;

function sameKeys(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const key of b) if (!a.has(key)) return false;
  return true;
}

export class PageReaders {
  /** Path → the keys its last rendering read. */
  readonly #reads = new Map<string, ReadonlySet<string>>();
  /** Key → the paths that read it. */
  readonly #readers = new Map<string, Set<string>>();
  /** Pages whose inputs are unknown (they read nothing, or a key the digests do not name): rendered every time. */
  readonly #always = new Set<string>();

  get size(): number {
    return this.#reads.size;
  }

  has(path: string): boolean {
    return this.#reads.has(path);
  }

  paths(): IterableIterator<string> {
    return this.#reads.keys();
  }

  /** Records what `path` read when it was rendered, replacing what it read before. */
  set(path: string, reads: ReadonlySet<string>): void {
    const before = this.#reads.get(path);
    // A page rendered again mostly reads what it read before (a sitemap part: every entry of its section).
    if (before && sameKeys(before, reads)) {
      this.#reads.set(path, reads);
      return;
    }
    this.delete(path);
    this.#reads.set(path, reads);
    if (reads.size === 0) this.#always.add(path);
    for (const key of reads) {
      if (!KNOWN_KEY.test(key)) this.#always.add(path);
      const readers = this.#readers.get(key);
      if (readers) readers.add(path);
      else this.#readers.set(key, new Set([path]));
    }
  }

  delete(path: string): void {
    const reads = this.#reads.get(path);
    if (!reads) return;
    this.#reads.delete(path);
    this.#always.delete(path);
    for (const key of reads) {
      const readers = this.#readers.get(key);
      readers?.delete(path);
      if (readers?.size === 0) this.#readers.delete(key);
    }
  }

  /** The pages that read one of `keys`, and those rendered every time. */
  stale(keys: Iterable<string>): Set<string> {
    const stale = new Set(this.#always);
    for (const key of keys) for (const path of this.#readers.get(key) ?? []) stale.add(path);
    return stale;
  }
}
