import { type BigIntStats, statSync } from 'node:fs';

/**
 * A file's identity: device, inode, size, modification and change times. A
 * write always moves the change time, which no program can set back, so an
 * unchanged identity is an unchanged file, as in git's index
 * (docs/adr/0113). A file changed in the last two seconds is not `settled`:
 * two writes within the clock's granularity could share one time, so what
 * was learnt from it must not be kept.
 */
export interface FileIdentity {
  id: string;
  settled: boolean;
}

const SETTLED_MS = 2000;

/** The identity of a regular file, or null when there is none (or it is not a regular file). */
export function fileIdentity(file: string): FileIdentity | null {
  // One system call, answered from the inode cache: cheaper synchronously than through the thread pool.
  let s: BigIntStats | undefined;
  try {
    s = statSync(file, { bigint: true, throwIfNoEntry: false });
  } catch {
    return null;
  }
  if (!s?.isFile()) return null;
  return {
    id: `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`,
    settled: Date.now() - Number(s.ctimeMs) >= SETTLED_MS,
  };
}
