/**
 * The server's log (docs/adr/0105): one JSON object per line, `time`,
 * `level` and `event` first, so an operator's collector (journald, Loki,
 * Elasticsearch) reads fields instead of parsing sentences. Information goes
 * to stdout, warnings and errors to stderr. What citizens typed or sent
 * never goes in: callers log identifiers (a request id, a tracking code, a
 * commit), never a form's fields, an address or a name of theirs.
 */
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** An error as fields: what a bug report needs, nothing of the request that met it. */
function errorFields(error: unknown): unknown {
  if (!(error instanceof Error)) return String(error);
  const coded = error as Error & { code?: unknown };
  return {
    name: error.name,
    ...(typeof coded.code === 'string' ? { code: coded.code } : {}),
    message: error.message,
    stack: error.stack,
  };
}

export function logLine(level: 'info' | 'warn' | 'error', event: string, fields: LogFields = {}): string {
  const out: LogFields = { time: new Date().toISOString(), level, event };
  for (const [key, value] of Object.entries(fields)) out[key] = value instanceof Error ? errorFields(value) : value;
  return JSON.stringify(out);
}

export const log: Logger = {
  info: (event, fields) => console.log(logLine('info', event, fields)),
  warn: (event, fields) => console.error(logLine('warn', event, fields)),
  error: (event, fields) => console.error(logLine('error', event, fields)),
};
