import { existsSync } from 'node:fs';

// What the browser tests of the page share: Debian's Chromium (never a downloaded one), and the
// rule that without it they are skipped with one line, unless VANBAN_BROWSER_TESTS=required (CI),
// where they fail.
export const CHROMIUM = '/usr/bin/chromium';
export const REQUIRED = process.env.VANBAN_BROWSER_TESTS === 'required';
export const present = existsSync(CHROMIUM);
/** Whether the browser tests of a file are skipped; says so once, on the console. */
export function skipBrowser(): boolean {
  if (!present && !REQUIRED) console.log(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; VANBAN_BROWSER_TESTS=required makes them mandatory)`);
  return !present && !REQUIRED;
}
/** In beforeAll: a required browser that is missing fails the tests. */
export function needChromium(): void {
  if (!present) throw new Error(`VANBAN_BROWSER_TESTS=required, but there is no Chromium at ${CHROMIUM}`);
}
/** Flags without which Chromium on a closed network waits for services it cannot reach. */
export const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
