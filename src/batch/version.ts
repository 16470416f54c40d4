import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** The package version, recorded on every manifest line so --resume redoes files after an upgrade. */
export function vanbanVersion(): string {
  // ../../package.json from both src/batch/ and dist/batch/.
  cached ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}
