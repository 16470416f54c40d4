import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The command as the package ships it: the bundle (build first: npm run build).
const BIN = fileURLToPath(new URL('../../dist/bundle/vanban.js', import.meta.url));
const SEED = fileURLToPath(new URL('../../fixtures/seed/programme-2024-hau-giang-draft.txt', import.meta.url));

/** Starts `vanban serve --port 0 …` and resolves once it prints its "listening" line. */
function serve(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const url = /"msg":"listening","url":"([^"]+)"/.exec(stderr)?.[1];
      if (url) resolve(url);
    });
    child.on('exit', () => reject(new Error(`exited before listening: ${stderr}`)));
  });
  return { child, listening, exited, stderr: () => stderr };
}

describe('vanban serve (the command)', () => {
  it('listens on localhost, logs a JSON line per request, and exits 0 on SIGTERM', async () => {
    const server = serve([]);
    const url = await server.listening;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const body = new FormData();
    body.append('file', new Blob([readFileSync(SEED)]), 'ctr.txt');
    const parsed = await fetch(`${url}/v1/parse`, { method: 'POST', body });
    expect(((await parsed.json()) as { conferences: unknown[] }).conferences).toHaveLength(5);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const lines = server
      .stderr()
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.msg ?? `${l.method} ${l.path} ${l.status}`)).toEqual(['listening', 'POST /v1/parse 200', 'stopping', 'stopped']);
  });

  it('--quiet: no request lines; SIGINT stops it too', async () => {
    const server = serve(['--quiet']);
    const url = await server.listening;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect(server.stderr()).not.toContain('/healthz');
  });

  it('a bad option is a usage error (exit 2); --help lists the routes', () => {
    const bad = spawnSync(process.execPath, [BIN, 'serve', '--queue', 'lots'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--queue: "lots" is not a whole number');
    const slow = spawnSync(process.execPath, [BIN, 'serve', '--request-timeout', 'soon'], { encoding: 'utf8' });
    expect(slow.status).toBe(2);
    expect(slow.stderr).toContain('--request-timeout: "soon" is not a number of seconds');
    const help = spawnSync(process.execPath, [BIN, 'serve', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    for (const route of ['/v1/parse', '/v1/text', '/v1/lint', '/v1/outline', '/v1/diff', '/v1/schema', '/v1/openapi.json', '/healthz']) expect(help.stdout).toContain(route);
  });
});
