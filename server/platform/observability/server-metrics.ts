import type { CaseCount } from '../storage/case-records.ts';
import { MetricsRegistry } from './metrics.ts';

/** The first segment of a path as a label: a handful of groups, never a path a visitor made up. */
const GROUPS = new Set([
  'quan-tri',
  'admin',
  'dich-vu',
  'tra-cuu',
  'thong-ke',
  'healthz',
  'metrics',
  'tim-kiem',
  'pagefind',
  '_astro',
  'tep',
]);

export function routeGroup(path: string): string {
  const first = path.split('/')[1] ?? '';
  if (first === '') return 'home';
  return GROUPS.has(first) ? first : 'page';
}

/**
 * What the operator watches (docs/adr/0105): requests and their latency,
 * publications and their publish-to-live time, failed rebuilds; gauges
 * (queue depth, cases per state) are read when Prometheus scrapes.
 */
export interface GaugeSources {
  /** Cases per department, service and state: the storage's count. */
  cases?: () => Promise<CaseCount[]>;
  /** Publications waiting for a rebuild, per site: the publish queue's. */
  queueDepth?: () => Record<string, number>;
}

export function createServerMetrics(sources: GaugeSources = {}) {
  const registry = new MetricsRegistry();
  const requests = registry.counter(
    'congso_http_requests_total',
    'HTTP requests answered, by method, route group and status.',
  );
  const latency = registry.histogram(
    'congso_http_request_duration_seconds',
    'Time to answer an HTTP request, by route group.',
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  );
  const publications = registry.counter(
    'congso_publications_total',
    'Publications whose rebuild finished, by site and outcome (live, failed).',
  );
  const publishToLive = registry.histogram(
    'congso_publication_duration_seconds',
    'Publish-to-live time of publications, by site.',
    [1, 2, 5, 10, 20, 30, 60, 120, 300, 600],
  );
  const buildFailures = registry.counter(
    'congso_build_failures_total',
    'Rebuilds after a publication that failed, by site.',
  );
  const { cases, queueDepth } = sources;
  if (queueDepth) {
    registry.gauge('congso_publish_queue_depth', 'Publications waiting for a rebuild of their site.', () =>
      Object.entries(queueDepth()).map(([site, value]) => ({ labels: { site }, value })),
    );
  }
  if (cases) {
    registry.gauge('congso_cases', 'Cases of the online services, by department, service and state.', async () =>
      (await cases()).map((c) => ({
        labels: { site: c.departmentId, service: c.service, status: c.status },
        value: c.count,
      })),
    );
  }

  return {
    request(method: string, path: string, status: number, seconds: number): void {
      const route = routeGroup(path);
      requests.inc({ method, route, status: String(status) });
      latency.observe({ route }, seconds);
    },
    publication(site: string, live: boolean, seconds: number): void {
      publications.inc({ site, outcome: live ? 'live' : 'failed' });
      publishToLive.observe({ site }, seconds);
    },
    buildFailed(site: string): void {
      buildFailures.inc({ site });
    },
    render: () => registry.render(),
  };
}

export type ServerMetrics = ReturnType<typeof createServerMetrics>;
