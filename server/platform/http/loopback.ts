/**
 * Whether a client address is this machine's own (127.0.0.0/8, ::1, or
 * either mapped into IPv6). Given the address connectionInfo decided on:
 * behind a trusted proxy that is the client the proxy names, never the
 * proxy's own loopback socket.
 */
export function isLoopbackAddress(address: string | null): boolean {
  if (!address) return false;
  const bare = address.replace(/^::ffff:/i, '');
  return bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}
