/**
 * Prometheus metrics (docs/adr/0105), in the text exposition format 0.0.4,
 * kept by hand: four kinds of number do not justify a dependency. Labels
 * are route groups, sites and states, never a path or anything a visitor
 * chose, so the number of series stays bounded.
 */
type Labels = Record<string, string>;

const key = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const format = (labels: Labels) => {
  const parts = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabel(value)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
};

export interface Sample {
  labels: Labels;
  value: number;
}

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  lines(): Promise<string[]>;
}

export class Counter {
  readonly #values = new Map<string, Sample>();
  inc(labels: Labels = {}, by = 1): void {
    const k = key(labels);
    const sample = this.#values.get(k) ?? { labels, value: 0 };
    sample.value += by;
    this.#values.set(k, sample);
  }
  samples(): Sample[] {
    return [...this.#values.values()];
  }
}

export class Histogram {
  readonly #bounds: readonly number[];
  readonly #series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(bounds: readonly number[]) {
    this.#bounds = bounds;
  }
  observe(labels: Labels, value: number): void {
    const k = key(labels);
    const series = this.#series.get(k) ?? { labels, counts: this.#bounds.map(() => 0), sum: 0, count: 0 };
    this.#bounds.forEach((bound, i) => {
      if (value <= bound) series.counts[i]! += 1;
    });
    series.sum += value;
    series.count += 1;
    this.#series.set(k, series);
  }
  lines(name: string): string[] {
    const out: string[] = [];
    for (const s of this.#series.values()) {
      for (const [i, bound] of this.#bounds.entries())
        out.push(`${name}_bucket${format({ ...s.labels, le: String(bound) })} ${s.counts[i]}`);
      out.push(`${name}_bucket${format({ ...s.labels, le: '+Inf' })} ${s.count}`);
      out.push(`${name}_sum${format(s.labels)} ${s.sum}`);
      out.push(`${name}_count${format(s.labels)} ${s.count}`);
    }
    return out;
  }
}

export class MetricsRegistry {
  readonly #families: Family[] = [];

  counter(name: string, help: string): Counter {
    const counter = new Counter();
    this.#families.push({
      name,
      help,
      type: 'counter',
      lines: async () => counter.samples().map((s) => `${name}${format(s.labels)} ${s.value}`),
    });
    return counter;
  }

  histogram(name: string, help: string, bounds: readonly number[]): Histogram {
    const histogram = new Histogram(bounds);
    this.#families.push({ name, help, type: 'histogram', lines: async () => histogram.lines(name) });
    return histogram;
  }

  /** A gauge read when scraped: the queue's depth, the cases per state. */
  gauge(name: string, help: string, read: () => Promise<Sample[]> | Sample[]): void {
    this.#families.push({
      name,
      help,
      type: 'gauge',
      lines: async () => (await read()).map((s) => `${name}${format(s.labels)} ${s.value}`),
    });
  }

  async render(): Promise<string> {
    const out: string[] = [];
    for (const family of this.#families) {
      out.push(
        `# HELP ${family.name} ${family.help}`,
        `# TYPE ${family.name} ${family.type}`,
        ...(await family.lines()),
      );
    }
    return `${out.join('\n')}\n`;
  }
}
