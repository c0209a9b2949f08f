/** Điều 11.2 asks staff to keep their account secret; short sessions limit a forgotten open browser. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** Writing last-seen on every request would turn each page view into a write. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

export interface SessionTimes {
  createdAt: number;
  lastSeenAt: number;
}

export function isSessionExpired(session: SessionTimes, now: number): boolean {
  return now - session.lastSeenAt >= SESSION_IDLE_MS || now - session.createdAt >= SESSION_ABSOLUTE_MS;
}

export function needsTouch(session: SessionTimes, now: number): boolean {
  return now - session.lastSeenAt >= SESSION_TOUCH_INTERVAL_MS;
}

/** Seconds the cookie should live: never past the absolute limit. */
export function cookieMaxAgeSeconds(session: SessionTimes, now: number): number {
  return Math.max(0, Math.floor((session.createdAt + SESSION_ABSOLUTE_MS - now) / 1000));
}
