import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeJsonSchema } from '../../src/emit/schema.js';
import { diffJsonSchema } from '../../src/model/diff.js';
import { ROUTES } from '../../src/serve/routes.js';
import { createService, listen, type ServeOptions, type Service } from '../../src/serve/server.js';

// Needs the build (npm run build): the pool's worker and the CLI the answers are compared with.
const root = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(root, 'dist/cli/main.js');
const HELD = new URL('./held-worker.mjs', import.meta.url);
const SEED_NAME = 'programme-2024-hau-giang-draft.txt';
const seedBytes = readFileSync(join(root, 'fixtures/seed', SEED_NAME));
const fixture = (path: string) => readFileSync(join(root, 'fixtures', path));

interface Running {
  url: string;
  service: Service;
  log: string[];
}

const running: Running[] = [];

async function start(options: Partial<ServeOptions> = {}): Promise<Running> {
  const log: string[] = [];
  const service = await createService({
    workers: 1,
    queue: 4,
    timeoutMs: 30_000,
    memoryMb: 400,
    maxSize: 20 * 1024 * 1024,
    quiet: false,
    version: 'test',
    log: (line) => log.push(line),
    ...options,
  });
  const url = await listen(service, 0, '127.0.0.1');
  const server = { url, service, log };
  running.push(server);
  return server;
}

afterAll(async () => {
  await Promise.all(running.map((r) => r.service.stop(0)));
});

/** The CLI's stdout for a file given by its bare name, so source.file is the same as the upload's. */
function cli(args: string[], cwd: string): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return r.stdout;
}

function form(files: Record<string, [Uint8Array, string]>): FormData {
  const data = new FormData();
  for (const [field, [bytes, name]] of Object.entries(files)) data.append(field, new Blob([bytes]), name);
  return data;
}

const post = (url: string, body: FormData | Uint8Array, headers: Record<string, string> = {}) => fetch(url, { method: 'POST', body, headers });

/**
 * English words a Vietnamese detail must not hold, once file names, zip parts, options, numbers,
 * tags and quoted values are set aside (they read the same in both languages).
 */
const ENGLISH = new Set(
  'the not is of in file files too than more must send request field fields missing corrupt encrypted unsafe nested deeply limit exceeds declared bad data truncated expected unexpected format reads timed out after bomb password protected reach parts malformed internal queue full try again later requests time given year whole number unknown them'.split(' '),
);
function englishIn(detail: string): string[] {
  return detail
    .replace(/"[^"]*"/g, ' ')
    .split(/\s+/)
    .filter((w) => !/[./|=\-<>0-9]/.test(w))
    .map((w) => w.replace(/[(),:;]/g, '').toLowerCase())
    .filter((w) => ENGLISH.has(w));
}

async function expectProblem(response: Response, status: number, slug: string): Promise<{ title: string; detail: string; instance: string }> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json\b/);
  const body = JSON.parse(text) as { type: string; title: string; status: number; detail: string; instance: string };
  expect(Object.keys(body).sort()).toEqual(['detail', 'instance', 'status', 'title', 'type']);
  expect(body).toMatchObject({ type: `urn:vanban:problem:${slug}`, status });
  expect(body.instance).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  expect(text).not.toMatch(/\bat .*\.(?:ts|js):\d+/); // no stack trace
  return body;
}

describe('vanban serve: the routes answer what the CLI prints', () => {
  let server: Running;
  let seedDir: string;
  beforeAll(async () => {
    server = await start();
    seedDir = join(root, 'fixtures/seed');
  });

  it('POST /v1/parse: the model, multipart or raw body, byte for byte as `vanban parse`', async () => {
    const expected = cli(['parse', SEED_NAME], seedDir);
    expect(JSON.parse(expected).conferences).toHaveLength(5);
    const multipart = await post(`${server.url}/v1/parse`, form({ file: [seedBytes, SEED_NAME] }));
    expect(multipart.status).toBe(200);
    expect(multipart.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await multipart.text()).toBe(expected);
    const raw = await post(`${server.url}/v1/parse?name=${SEED_NAME}`, seedBytes, { 'content-type': 'application/octet-stream' });
    expect(await raw.text()).toBe(expected);
    const pretty = await post(`${server.url}/v1/parse?name=${SEED_NAME}&pretty=true`, seedBytes);
    expect(await pretty.text()).toBe(`${JSON.stringify(JSON.parse(expected), null, 2)}\n`);
  });

  it('a .docx as the raw body named by Content-Disposition: the folder of the name is dropped', async () => {
    const response = await post(`${server.url}/v1/parse`, fixture('docx/plain.docx'), {
      'content-type': 'application/octet-stream',
      'content-disposition': 'attachment; filename="../../etc/du-thao.docx"',
    });
    expect(response.status).toBe(200);
    const model = (await response.json()) as { source: { file: string; format: string } };
    expect(model.source).toMatchObject({ file: 'du-thao.docx', format: 'docx' });
    const windows = await post(`${server.url}/v1/parse?name=${encodeURIComponent('C:\\tmp\\x\\ke-hoach.docx')}`, fixture('docx/plain.docx'));
    expect(((await windows.json()) as { source: { file: string } }).source.file).toBe('ke-hoach.docx');
  });

  it('POST /v1/parse?format=csv: the rows of `vanban parse --format csv`, with the BOM Excel needs', async () => {
    const expected = cli(['parse', '--format', 'csv', SEED_NAME], seedDir);
    const response = await post(`${server.url}/v1/parse?format=csv`, form({ file: [seedBytes, SEED_NAME] }));
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(expected);
    expect(expected).toContain('Văn phòng Tỉnh ủy');
    await expectProblem(await post(`${server.url}/v1/parse?format=xml&name=${SEED_NAME}`, seedBytes), 400, 'bad-request');
  });

  it('POST /v1/text: the normalized text of `vanban text`, whose lines the model counts', async () => {
    const expected = cli(['text', SEED_NAME], seedDir);
    const response = await post(`${server.url}/v1/text`, form({ file: [seedBytes, SEED_NAME] }));
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await response.text();
    expect(text).toBe(expected);
    const model = JSON.parse(cli(['parse', SEED_NAME], seedDir)) as { conferences: { line: number; title: string }[] };
    expect(text.split('\n')[model.conferences[0]!.line - 1]).toContain(model.conferences[0]!.title);
    const docx = await post(`${server.url}/v1/text?name=plain.docx`, fixture('docx/plain.docx'));
    expect(await docx.text()).toBe(cli(['text', join(root, 'fixtures/docx/plain.docx')], root));
  });

  it('POST /v1/document: from one upload, the model, text and outline (both languages) their own routes answer', async () => {
    const response = await post(`${server.url}/v1/document`, form({ file: [seedBytes, SEED_NAME] }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const answer = (await response.json()) as { model: unknown; text: string; outline: Record<string, string> };
    expect(Object.keys(answer).sort()).toEqual(['model', 'outline', 'text']);
    expect(answer.model).toEqual(JSON.parse(cli(['parse', SEED_NAME], seedDir)));
    expect(answer.text).toBe(cli(['text', SEED_NAME], seedDir));
    expect(answer.outline).toEqual({ vi: cli(['outline', SEED_NAME], seedDir), en: cli(['outline', '--lang', 'en', SEED_NAME], seedDir) });
    // As the other upload routes: the raw body, ?rule= and ?width=, and a problem for a bad file.
    const docx = (await (await post(`${server.url}/v1/document?name=plain.docx&width=60&rule=anniversary-mismatch=off`, fixture('docx/plain.docx'))).json()) as typeof answer;
    const docxPath = join(root, 'fixtures/docx/plain.docx');
    expect(docx.text).toBe(cli(['text', docxPath], root));
    const clipped = await (await post(`${server.url}/v1/outline?name=plain.docx&width=60&rule=anniversary-mismatch=off`, fixture('docx/plain.docx'))).text();
    expect(docx.outline.vi).toBe(clipped);
    expect(clipped).not.toBe(cli(['outline', 'plain.docx'], join(root, 'fixtures/docx')));
    const ruled = (await (await post(`${server.url}/v1/document?name=${SEED_NAME}&rule=anniversary-mismatch=off`, seedBytes)).json()) as { model: { diagnostics: { code: string }[] } };
    expect(ruled.model.diagnostics.map((d) => d.code)).not.toContain('anniversary-mismatch');
    await expectProblem(await post(`${server.url}/v1/document`, form({ file: [fixture('broken/truncated.docx'), 'x.docx'] })), 400, 'unreadable');
    await expectProblem(await post(`${server.url}/v1/document?width=5&name=a.txt`, seedBytes), 400, 'bad-request');
  });

  it('GET /: the page, its script and stylesheet, same-origin under a strict policy of their own', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-|https?:|\*/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await page.text();
    expect(html).toContain('<html lang="vi">');
    // Every script, style and icon the page names is one of this server's files.
    const linked = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(linked.sort()).toEqual(['/favicon.svg', '/page.css', '/page.js']);
    expect(html).not.toMatch(/<script>|<style|style="/);
    for (const [path, type] of [['/page.js', 'text/javascript'], ['/page.css', 'text/css'], ['/favicon.svg', 'image/svg+xml']] as const) {
      const asset = await fetch(`${server.url}${path}`);
      expect(asset.status, path).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(new RegExp(`^${type.replace('+', '\\+')}`));
      expect((await asset.text()).length).toBeGreaterThan(100);
    }
  });

  it('concurrent requests, as many as workers and queue hold: each answered with its own document', async () => {
    const names = Array.from({ length: server.service.documents.capacity }, (_, i) => `du-thao-${i}.txt`);
    const answers = await Promise.all(names.map((name) => post(`${server.url}/v1/parse?name=${name}`, seedBytes)));
    const models = (await Promise.all(answers.map((a) => a.json()))) as { source: { file: string }; conferences: unknown[] }[];
    expect(answers.map((a) => a.status)).toEqual(names.map(() => 200));
    expect(models.map((m) => m.source.file)).toEqual(names);
    for (const m of models) expect(m.conferences).toHaveLength(5);
  });

  it('POST /v1/lint: the findings as `vanban lint --format json`, ?severity filters them', async () => {
    const expected = cli(['lint', '--format', 'json', SEED_NAME], seedDir);
    const response = await post(`${server.url}/v1/lint`, form({ file: [seedBytes, SEED_NAME] }));
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toBe(expected);
    expect(JSON.parse(body).files[0].diagnostics.map((d: { code: string }) => d.code)).toContain('anniversary-mismatch');
    const warnings = await post(`${server.url}/v1/lint?severity=warning&name=${SEED_NAME}`, seedBytes);
    expect(await warnings.text()).toBe(cli(['lint', '--format', 'json', '--severity', 'warning', SEED_NAME], seedDir));
    const ruled = await post(`${server.url}/v1/lint?rule=anniversary-mismatch=off&name=${SEED_NAME}`, seedBytes);
    expect(JSON.parse(await ruled.text()).files[0].diagnostics.map((d: { code: string }) => d.code)).not.toContain('anniversary-mismatch');
  });

  it('POST /v1/outline: the text of `vanban outline` (in English for Accept-Language: en), or the tree as JSON', async () => {
    const response = await post(`${server.url}/v1/outline`, form({ file: [seedBytes, SEED_NAME] }));
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe(cli(['outline', SEED_NAME], seedDir));
    const english = await post(`${server.url}/v1/outline?name=${SEED_NAME}`, seedBytes, { 'accept-language': 'en-GB,en;q=0.8' });
    expect(await english.text()).toBe(cli(['outline', '--lang', 'en', SEED_NAME], seedDir));
    const tree = await post(`${server.url}/v1/outline?format=json&name=${SEED_NAME}`, seedBytes);
    expect(await tree.json()).toEqual(JSON.parse(cli(['parse', SEED_NAME], seedDir)).outline);
  });

  it('POST /v1/diff: the changes of `vanban diff --format json` between the fields old and new', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-serve-diff-'));
    try {
      const newer = seedBytes.toString('utf8').replace('Số       -CTr/TU', 'Số 12-CTr/TU');
      writeFileSync(join(dir, 'new.txt'), newer);
      copyFileSync(join(root, 'fixtures/docx/plain.docx'), join(dir, 'old.docx'));
      const expected = cli(['diff', '--format', 'json', 'old.docx', 'new.txt'], dir);
      expect(JSON.parse(expected).changes.length).toBeGreaterThan(0);
      const response = await post(`${server.url}/v1/diff`, form({ old: [fixture('docx/plain.docx'), 'old.docx'], new: [Buffer.from(newer), 'new.txt'] }));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('GET /v1/schema is `vanban schema`; GET /healthz says ok', async () => {
    expect(await (await fetch(`${server.url}/v1/schema`)).text()).toBe(cli(['schema'], root));
    expect(await (await fetch(`${server.url}/v1/schema?diff=true`)).json()).toEqual(diffJsonSchema());
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok', version: 'test', active: 0, capacity: 5, archive: false });
  });

  it('GET /v1/openapi.json: OpenAPI 3.1 with every route, its schemas those `vanban schema` prints, every $ref resolving', async () => {
    const doc = (await (await fetch(`${server.url}/v1/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    for (const route of ROUTES) expect(doc.paths[route.path]?.[route.method.toLowerCase()]?.responses).toHaveProperty('200');
    expect(Object.keys(doc.paths).sort()).toEqual(['/healthz', '/v1/diff', '/v1/document', '/v1/lint', '/v1/openapi.json', '/v1/outline', '/v1/parse', '/v1/schema', '/v1/text']);
    expect(doc.paths['/v1/parse']!.post!.responses).toHaveProperty('413');
    expect(doc.paths['/v1/document']!.post!.responses).toHaveProperty('413');
    const back = (name: string) => JSON.parse(JSON.stringify(doc.components.schemas[name]).replaceAll(`"#/components/schemas/${name}/$defs/`, '"#/$defs/'));
    expect(back('Programme')).toEqual(programmeJsonSchema());
    expect(back('DiffResult')).toEqual(diffJsonSchema());
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of new Set(refs)) {
      expect(ref.startsWith('#/')).toBe(true);
      const target = ref
        .slice(2)
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], doc);
      expect(target, ref).toBeTypeOf('object');
    }
  });

  it('every answer carries the security headers; the log has one JSON line per request, without the text', async () => {
    const before = server.log.length;
    for (const response of [await fetch(`${server.url}/healthz`), await fetch(`${server.url}/nowhere`), await post(`${server.url}/v1/parse?name=secret-name.txt`, seedBytes)]) {
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      await response.arrayBuffer();
    }
    const lines = server.log.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.method, l.path, l.status])).toEqual([
      ['GET', '/healthz', 200],
      ['GET', '/nowhere', 404],
      ['POST', '/v1/parse', 200],
    ]);
    expect(Object.keys(lines[2]!).sort()).toEqual(['id', 'in', 'method', 'ms', 'out', 'path', 'status', 'time']);
    expect(lines[2]).toMatchObject({ in: seedBytes.length, out: expect.any(Number) });
    const logged = server.log.join('\n');
    expect(logged).not.toContain('secret-name');
    expect(logged).not.toContain('Hậu Giang');
  });
});

describe('vanban serve: errors are problem details', () => {
  let server: Running;
  beforeAll(async () => {
    server = await start({ maxSize: 16 * 1024 });
  });

  it('413 for a file over --max-size, as multipart or raw body', async () => {
    const big = new Uint8Array(20_000).fill(0x61);
    await expectProblem(await post(`${server.url}/v1/parse`, form({ file: [big, 'big.txt'] })), 413, 'too-large');
    const problem = await expectProblem(await post(`${server.url}/v1/parse?name=big.txt`, big), 413, 'too-large');
    expect(problem.detail).toContain('16 KB');
  });

  it('415 for a .png; 400 for a corrupt .docx or a request without a file; 422 for a file vanban will not read', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    await expectProblem(await post(`${server.url}/v1/lint`, form({ file: [png, 'scan.png'] })), 415, 'unsupported-format');
    const corrupt = await expectProblem(await post(`${server.url}/v1/parse`, form({ file: [fixture('broken/truncated.docx'), 'truncated.docx'] }), { 'accept-language': 'en' }), 400, 'unreadable');
    expect(corrupt.detail).toBe('truncated.docx: corrupt .docx (truncated zip)');
    await expectProblem(await post(`${server.url}/v1/parse`, form({ other: [seedBytes, 'a.txt'] })), 400, 'bad-request');
    await expectProblem(await fetch(`${server.url}/v1/parse`, { method: 'POST' }), 400, 'bad-request');
    await expectProblem(await post(`${server.url}/v1/diff?name=a.txt`, seedBytes.subarray(0, 100)), 400, 'bad-request');
    await expectProblem(await post(`${server.url}/v1/lint?severity=loud&name=a.txt`, seedBytes.subarray(0, 100)), 400, 'bad-request');
    await expectProblem(await post(`${server.url}/v1/parse`, form({ file: [fixture('broken/billion-laughs.docx'), 'x.docx'] })), 422, 'not-a-document');
  });

  it('a body that trickles in slower than the request timeout is answered 408 and cut off', async () => {
    const slow = await start({ requestTimeoutMs: 500 });
    const { port } = new URL(slow.url);
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    let sent = 0;
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.write(`POST /v1/parse?name=slow.txt HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n`);
    // A byte at a time, far slower than 100 kB in half a second: the server must not wait for it.
    const trickle = setInterval(() => {
      if (!socket.destroyed && socket.writable) socket.write('a', () => sent++);
    }, 50);
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    clearInterval(trickle);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    // Answered as every other error is: a problem, here in Vietnamese (no header was read).
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { type: string; status: number; title: string };
    expect(body).toMatchObject({ type: 'urn:vanban:problem:request-timeout', status: 408, title: 'Gửi yêu cầu quá chậm' });
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
    expect(sent).toBeLessThan(100_000);
    // The server goes on.
    expect((await fetch(`${slow.url}/healthz`)).status).toBe(200);
  });

  it('a request that is not HTTP is answered 400 with a problem, and the server goes on', async () => {
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.write('NOT HTTP AT ALL\r\n\r\n');
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ type: 'urn:vanban:problem:bad-request', status: 400 });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('every refusal of a request or a file in Vietnamese words, by default; in English, as before, for Accept-Language: en', async () => {
    const big = new Uint8Array(20_000).fill(0x61);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const multipart = (body: string) => ({ body, headers: { 'content-type': 'multipart/form-data; boundary=abc' } });
    const asked: [string, string, number, string, () => { body: FormData | Uint8Array | string; headers?: Record<string, string> }][] = [
      // [what, route, status, slug, the request]
      ['a file over --max-size', '/v1/parse', 413, 'too-large', () => ({ body: form({ file: [big, 'big.txt'] }) })],
      ['a raw body over --max-size', '/v1/parse?name=big.txt', 413, 'too-large', () => ({ body: big })],
      ['a .png', '/v1/lint', 415, 'unsupported-format', () => ({ body: form({ file: [png, 'scan.png'] }) })],
      ['binary data named .txt', '/v1/parse', 415, 'unsupported-format', () => ({ body: form({ file: [png, 'scan.txt'] }) })],
      ['a corrupt .docx', '/v1/parse', 400, 'unreadable', () => ({ body: form({ file: [fixture('broken/truncated.docx'), 'truncated.docx'] }) })],
      ['an empty file', '/v1/text', 400, 'unreadable', () => ({ body: form({ file: [new Uint8Array(0), 'empty.docx'] }) })],
      ['a .docx declaring entities', '/v1/document', 422, 'not-a-document', () => ({ body: form({ file: [fixture('broken/billion-laughs.docx'), 'x.docx'] }) })],
      ['no file field', '/v1/parse', 400, 'bad-request', () => ({ body: form({ other: [seedBytes, 'a.txt'] }) })],
      ['no file at all', '/v1/parse', 400, 'bad-request', () => ({ body: '' })],
      ['one raw body for two drafts', '/v1/diff?name=a.txt', 400, 'bad-request', () => ({ body: seedBytes.subarray(0, 100) })],
      ['one draft of two', '/v1/diff', 400, 'bad-request', () => ({ body: form({ old: [seedBytes.subarray(0, 100), 'a.txt'] }) })],
      ['a form field beside the file', '/v1/parse', 400, 'bad-request', () => ({ body: (() => { const f = form({ file: [seedBytes.subarray(0, 100), 'a.txt'] }); f.append('note', 'x'); return f; })() })],
      ['a multipart body cut short', '/v1/parse', 400, 'bad-request', () => multipart('--abc\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello')],
      ['a multipart body without its boundary', '/v1/parse', 400, 'bad-request', () => ({ body: 'hello', headers: { 'content-type': 'multipart/form-data' } })],
      ['?severity=loud', '/v1/lint?severity=loud&name=a.txt', 400, 'bad-request', () => ({ body: seedBytes.subarray(0, 100) })],
      ['?width=5', '/v1/outline?width=5&name=a.txt', 400, 'bad-request', () => ({ body: seedBytes.subarray(0, 100) })],
      ['?pretty=maybe', '/v1/parse?pretty=maybe&name=a.txt', 400, 'bad-request', () => ({ body: seedBytes.subarray(0, 100) })],
      ['an unknown ?rule=', '/v1/parse?rule=no-such-rule=off&name=a.txt', 400, 'bad-request', () => ({ body: seedBytes.subarray(0, 100) })],
    ];
    const roomy = await start();
    for (const [what, route, status, slug, request] of asked) {
      const url = `${status === 413 ? server.url : roomy.url}${route}`;
      const answer = async (lang: Record<string, string>) => {
        const { body, headers = {} } = request();
        return expectProblem(await fetch(url, { method: 'POST', body, headers: { ...headers, ...lang } }), status, slug);
      };
      const vi = await answer({});
      const en = await answer({ 'accept-language': 'en' });
      expect(englishIn(vi.detail), `${what}: ${vi.detail}`).toEqual([]);
      expect(englishIn(en.detail).length, `${what}: ${en.detail}`).toBeGreaterThan(0);
      // The page shows "title: detail" (or the detail alone when it begins with the title): Vietnamese throughout.
      expect(englishIn(vi.title)).toEqual([]);
      expect(vi.detail).not.toBe(en.detail);
    }
  });

  it('a file refused by its reader: in English the reason the CLI prints, in Vietnamese the same named parts', async () => {
    const roomy = await start();
    const broken = join(root, 'fixtures/broken');
    let refused = 0;
    for (const name of readdirSync(broken)) {
      const printed = spawnSync(process.execPath, [CLI, 'parse', name], { cwd: broken, encoding: 'utf8' });
      if (printed.status === 0) continue;
      refused++;
      const reason = printed.stderr.trim().replace(/^vanban: /, '');
      const ask = async (lang: Record<string, string>) => (await post(`${roomy.url}/v1/parse`, form({ file: [fixture(`broken/${name}`), name] }), lang)).json() as Promise<{ detail: string }>;
      const en = await ask({ 'accept-language': 'en-US,en;q=0.9' });
      const vi = await ask({ 'accept-language': 'vi-VN,vi;q=0.9' });
      expect(en.detail).toBe(reason);
      expect(vi.detail, name).toContain(`${name}: `);
      expect(englishIn(vi.detail), `${name}: ${vi.detail}`).toEqual([]);
      // Sizes, parts and levels are kept: "1.5 GB", "word/document.xml", "1000".
      for (const kept of reason.match(/\d+(?:\.\d+)? [KMG]B|\w+\/[\w.]+\.xml|\b\d{3,}\b/g) ?? []) expect(vi.detail, name).toContain(kept);
    }
    expect(refused).toBeGreaterThanOrEqual(7);
  });

  it('404 for an unknown route; titles in English for Accept-Language: en, Vietnamese otherwise', async () => {
    const vi = await expectProblem(await fetch(`${server.url}/v2/parse`), 404, 'not-found');
    expect(vi.title).toBe('Không có địa chỉ này');
    const en = await expectProblem(await post(`${server.url}/v1/parse`, form({ file: [fixture('broken/truncated.docx'), 'x.docx'] }), { 'accept-language': 'fr, en;q=0.5' }), 400, 'unreadable');
    expect(en).toMatchObject({ title: 'Unreadable file', detail: 'x.docx: corrupt .docx (truncated zip)' });
  });
});

describe('vanban serve: a busy or stuck worker', () => {
  const channel = new BroadcastChannel('vanban-serve-test');
  const heard: string[] = [];
  const waiting = new Map<string, () => void>();
  channel.onmessage = (event: MessageEvent) => {
    heard.push(String(event.data));
    waiting.get(String(event.data))?.();
  };
  /** Resolves when the test worker has said this. */
  const said = (message: string) => new Promise<void>((resolve) => (heard.includes(message) ? resolve() : waiting.set(message, resolve)));
  /** Resolves when the test worker says it holds this file. */
  const held = (name: string) => said(`holding ${name}`);
  afterAll(() => channel.close());

  /** Polls the health route until `n` requests are admitted: the poll's pace changes when, never what, is seen. */
  async function admitted(url: string, n: number): Promise<void> {
    while (((await (await fetch(`${url}/healthz`)).json()) as { active: number }).active !== n);
  }

  it('503 with Retry-After when the workers and the queue are full; the held requests then finish', async () => {
    const { url } = await start({ workers: 1, queue: 1, workerUrl: HELD });
    const first = post(`${url}/v1/parse?name=hold-1.txt`, seedBytes);
    await held('hold-1.txt');
    const second = post(`${url}/v1/parse?name=queued.txt`, seedBytes);
    await admitted(url, 2);
    const refused = await post(`${url}/v1/lint?name=third.txt`, seedBytes);
    expect(refused.headers.get('retry-after')).toBe('5');
    const busy = await expectProblem(refused, 503, 'busy');
    expect(busy.detail).toBe('Hàng đợi đã đầy (2 yêu cầu cùng lúc: --workers 1, --queue 1); hãy thử lại sau');
    const english = await expectProblem(await post(`${url}/v1/lint?name=third.txt`, seedBytes, { 'accept-language': 'en' }), 503, 'busy');
    expect(english.detail).toBe('the queue is full (2 requests at a time: --workers 1, --queue 1); try again later');
    channel.postMessage('release');
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    await admitted(url, 0);
  });

  it('POST /v1/document reads its file once: one task, for the model and the text together', async () => {
    const { url } = await start({ workers: 1, workerUrl: HELD });
    expect((await post(`${url}/v1/document?name=once.docx`, fixture('docx/plain.docx'))).status).toBe(200);
    // One worker takes its tasks in turn: once the next request's task is announced, all of this one's were.
    const next = said('task model after.txt');
    expect((await post(`${url}/v1/parse?name=after.txt`, seedBytes)).status).toBe(200);
    await next;
    expect(heard.filter((m) => m.endsWith(' once.docx'))).toEqual(['task document once.docx']);
  });

  it('504 when a file takes longer than --timeout; the server goes on', async () => {
    const { url } = await start({ timeoutMs: 200, workerUrl: HELD });
    const problem = await expectProblem(await post(`${url}/v1/parse?name=hang.txt`, seedBytes, { 'accept-language': 'en' }), 504, 'timed-out');
    expect(problem.detail).toBe('hang.txt: timed out after 0.2 s (--timeout)');
    const vi = await expectProblem(await post(`${url}/v1/parse?name=hang.txt`, seedBytes), 504, 'timed-out');
    expect(vi.detail).toBe('hang.txt: đọc tệp quá 0.2 giây cho phép (--timeout)');
    // No second parse here: under a 0.2 s limit a real one would race the clock.
    expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ status: 'ok', active: 0 });
  });

  it('stop(): no new request, the one in flight finishes, then it resolves', async () => {
    const server = await start({ workerUrl: HELD });
    const inFlight = post(`${server.url}/v1/parse?name=hold-2.txt`, seedBytes);
    await held('hold-2.txt');
    const stopped = server.service.stop(30_000);
    // A new connection is refused; one kept alive is told 503.
    const late = await post(`${server.url}/v1/parse?name=late.txt`, seedBytes).then((r) => r.status, () => 'refused');
    expect([503, 'refused']).toContain(late);
    channel.postMessage('release');
    expect((await inFlight).status).toBe(200);
    await stopped;
  });

  it('stop() is bounded: past the grace period the held file is answered 503', async () => {
    const server = await start({ workerUrl: HELD });
    const inFlight = post(`${server.url}/v1/parse?name=hang-forever.txt`, seedBytes);
    await admitted(server.url, 1);
    await server.service.stop(100);
    await expectProblem(await inFlight, 503, 'shutting-down');
  });
});
