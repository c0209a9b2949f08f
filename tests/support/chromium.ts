import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Browser tests drive Debian's Chromium. On a developer machine without it
 * they skip with a message; in CI a missing browser is a failure, never a skip.
 */
export const CHROMIUM_PATH = process.env.CONGSO_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumAvailable = existsSync(CHROMIUM_PATH);

if (!chromiumAvailable) {
  if (process.env.CI === 'true') {
    throw new Error(`Chromium không có tại ${CHROMIUM_PATH}: CI phải cài gói chromium (xem .ci/run).`);
  }
  console.warn(`⚠ Bỏ qua các kiểm thử trình duyệt: không có Chromium tại ${CHROMIUM_PATH} (apt-get install chromium).`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
