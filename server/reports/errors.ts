import { appError } from '#server/platform/app-error.ts';

/** The period is not a week, month, quarter or year the reports cover (period.ts). */
export const InvalidPeriodError = appError<{ input: string; reason: 'format' | 'no-such-week' | 'out-of-range' }>(
  'E_INVALID_PERIOD',
  400,
  (data) =>
    `"${data.input}" không phải kỳ báo cáo hợp lệ. Hãy nhập tuần (2026-W48), tháng (2026-11), quý (2026-Q4) hoặc năm (2026).`,
);

/**
 * `/metrics` describes the whole province's servers: only the machine
 * itself (Prometheus on loopback) and the province administrator read it
 * (docs/adr/0105).
 */
export const MetricsForbiddenError = appError(
  'E_METRICS_FORBIDDEN',
  403,
  () => 'Số liệu vận hành chỉ dành cho máy chủ và quản trị viên cấp tỉnh.',
);
