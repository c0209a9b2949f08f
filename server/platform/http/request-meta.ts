/** Where a request came from, as the audit log records it (Điều 11.4). */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/** For actions with no request behind them: the shell operator, start-up, tests. */
export const NO_REQUEST: RequestMeta = { ip: null, userAgent: null };
