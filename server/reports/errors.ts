import { AppError } from '#server/platform/app-error.ts';

/**
 * Refusals of the usage reports (Điều 16). Each keeps its stable `code`,
 * HTTP status, typed `data` and the Vietnamese sentence together
 * (docs/adr/0081-one-error-shape.md); tests assert `code`.
 */

export type InvalidPeriodErrorData = { input: string; reason: 'format' | 'no-such-week' | 'out-of-range' };
/** The period is not a week, month, quarter or year the reports cover (period.ts). */
export class InvalidPeriodError extends AppError<InvalidPeriodErrorData> {
  static readonly code = 'E_INVALID_PERIOD';
  constructor(data: InvalidPeriodErrorData) {
    super(
      InvalidPeriodError.code,
      400,
      data,
      `"${data.input}" không phải kỳ báo cáo hợp lệ. Hãy nhập tuần (2026-W48), tháng (2026-11), quý (2026-Q4) hoặc năm (2026).`,
    );
  }
}

/**
 * `/metrics` describes the whole province's servers: only the machine
 * itself (Prometheus on loopback) and the province administrator read it
 * (docs/adr/0105).
 */
export class MetricsForbiddenError extends AppError {
  static readonly code = 'E_METRICS_FORBIDDEN';
  constructor() {
    super(MetricsForbiddenError.code, 403, {}, 'Số liệu vận hành chỉ dành cho máy chủ và quản trị viên cấp tỉnh.');
  }
}
