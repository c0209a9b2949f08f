import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * What no response of the server may show a visitor, whatever they sent: a
 * stack frame, an exception's own text, a path of the machine. Written here
 * independently of the server's code, so a bug there cannot hide itself.
 */
const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
const MACHINE_PATHS = [PROJECT_ROOT, tmpdir(), 'node_modules', 'file://'];

export function leaks(body: string): string | null {
  const frame = /^\s*at \S.*(?:\(|:\d+:\d+)/m.exec(body);
  if (frame) return `stack frame "${frame[0].trim().slice(0, 80)}"`;
  const error = /\b[A-Z]?[a-z]*Error: /.exec(body);
  if (error) return `exception text "${body.slice(error.index, error.index + 80)}"`;
  const machinePath = MACHINE_PATHS.find((p) => body.includes(p));
  return machinePath ? `machine path "${machinePath}"` : null;
}

/**
 * A Location a browser resolves on this very site: one leading slash, then
 * anything but a second slash or a backslash (`//host` and `/\host` are other
 * hosts), and no control character anywhere (browsers drop tabs and newlines,
 * so `/\t/host` is `//host`). No scheme: an absolute URL is never ours to send.
 */
export function isSafeLocation(location: string): boolean {
  return /^\/(?![/\\])/.test(location) && !/[\u0000-\u001f\u007f]/.test(location);
}
