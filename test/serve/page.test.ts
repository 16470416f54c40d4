import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutlineNode, Programme } from '../../src/model/programme.js';
import { createService, listen, type Service } from '../../src/serve/server.js';
import { CHROMIUM, FLAGS, needChromium, skipBrowser } from './browser.js';

// The page of `vanban serve` driven as a person would, in Debian's Chromium (never a downloaded
// one). Needs the build (npm run build): the page's script and the pool's worker. Screenshots go
// to test-artifacts/ (git-ignored). Without /usr/bin/chromium the tests are skipped with one line,
// unless VANBAN_BROWSER_TESTS=required (CI), where they fail (./browser.ts).

const root = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(root, 'dist/cli/main.js');
const ARTEFACTS = join(root, 'test-artifacts');
const SEED_NAME = 'programme-2024-hau-giang-draft.txt';
const SEED = join(root, 'fixtures/seed', SEED_NAME);
const seedText = readFileSync(SEED, 'utf8');

function cli(args: string[], cwd = root): string {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28 }).stdout;
}

describe.skipIf(skipBrowser())('the page of vanban serve, in Chromium', { timeout: 240_000 }, () => {
  let service: Service;
  let url: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let work: string;
  const seedModel = JSON.parse(cli(['parse', SEED_NAME], join(root, 'fixtures/seed'))) as Programme;

  beforeAll(async () => {
    needChromium();
    mkdirSync(ARTEFACTS, { recursive: true });
    work = mkdtempSync(join(tmpdir(), 'vanban-page-'));
    service = await createService({ workers: 2, queue: 8, timeoutMs: 120_000, memoryMb: 1000, maxSize: 20 * 1024 * 1024, quiet: true, version: 'test', log: () => {} });
    url = await listen(service, 0, '127.0.0.1');
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, locale: 'vi-VN' });
    page = await context.newPage();
    page.setDefaultTimeout(120_000);
    page.on('pageerror', (error) => errors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop(0);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Uncaught errors of the page's script. */
  const errors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: join(ARTEFACTS, `${name}.png`) });
  const highlighted = async () => (await page.locator('#lines .ln.hl').evaluateAll((lines) => lines.map((l) => l.getAttribute('data-n')))).map(Number);
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  async function open(path: string): Promise<void> {
    await page.setInputFiles('#file-document', path);
    await page.locator('#status-document').filter({ hasText: /dòng|lines/ }).waitFor();
  }

  it('shows the page in Vietnamese under a strict policy, with nothing fetched from elsewhere', async () => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response?.headers()['content-security-policy']).not.toContain('unsafe-inline');
    await expect.poll(() => page.locator('#tab-document').textContent()).toBe('Văn bản');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.locator('#drop-document .drop-text').textContent()).toContain('Thả tệp vào đây');
    expect(requested.every((r) => r.startsWith(url))).toBe(true);
    // The keyboard reaches the file picker, and its zone shows the focus.
    const focused = () => page.evaluate('document.activeElement && document.activeElement.id');
    for (let i = 0; i < 6 && (await focused()) !== 'file-document'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('file-document');
    expect(await page.evaluate("getComputedStyle(document.getElementById('drop-document')).outlineStyle")).toBe('solid');
    await shot('01-empty');
  });

  it('a picked file: its outline beside its text, items with their lead agencies', async () => {
    await open(SEED);
    const lineCount = cli(['text', SEED]).split('\n').length - 1;
    expect(await page.locator('#status-document').textContent()).toBe(`${SEED_NAME}: ${lineCount} dòng`);
    expect(await page.locator('#lines .ln').count()).toBe(lineCount);
    expect(await page.locator('#lines .ln').nth(22).textContent()).toBe(cli(['text', SEED]).split('\n')[22]);
    const labels = await page.locator('#tree .row .label').allTextContents();
    expect(labels[0]).toBe('Phần đầu');
    expect(labels).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    for (const conference of seedModel.conferences) expect(labels.some((l) => l.startsWith(`${conference.ordinal}. ${conference.title}`))).toBe(true);
    expect(labels.at(-2)).toBe(`Văn bản được dẫn (${seedModel.citations.length})`);
    // Each item of a conference is shown with the agencies that lead it, as the model has them.
    const first = seedModel.conferences[0]!.items[0]!;
    const item = page.locator('#tree [role=treeitem]').filter({ has: page.locator(':scope > .row .label', { hasText: `(${first.number}) ${first.text.slice(0, 30)}` }) });
    expect(await item.locator(':scope > .detail').textContent()).toBe(`chủ trì: ${first.leadAgencies.join('; ')}`);
    await shot('02-outline');
  });

  it('clicking a node, or Enter on it, highlights its lines; the tree answers the arrow keys', async () => {
    const conference = seedModel.outline.flatMap((n) => n.children).find((n) => n.role === 'conference' && n.heading?.includes('lần thứ 18'))!;
    await page.locator('#tree .row .label', { hasText: 'lần thứ 18' }).click();
    // A heading's lines: from it to the end of the last line it heads.
    const end = (node: OutlineNode): number => Math.max(node.span.end.line, ...node.children.map(end));
    expect(end(conference)).toBeGreaterThan(conference.span.start.line);
    expect(await highlighted()).toEqual(range(conference.span.start.line, end(conference)));
    await expect.poll(() => page.locator('#lines .ln.hl').first().isVisible()).toBe(true);
    await shot('03-highlight');
    // Keyboard: the focused node moves down, Enter selects it, Left on a child goes to its parent.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const child = conference.children[0]!;
    expect(await highlighted()).toEqual(range(child.span.start.line, child.span.end.line));
    expect(await page.evaluate('document.activeElement.getAttribute("role")')).toBe('treeitem');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('#tree [role=treeitem]:focus').getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#tree [role=treeitem]:focus').getAttribute('aria-expanded')).toBe('true');
    // The header group opens to its fields, in the order of their lines.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const header = page.locator('#tree > [role=treeitem]').first().locator('[role=treeitem]');
    expect(await header.locator('.label').allTextContents()).toContain(seedModel.header.number!.raw);
    const lines = (await header.locator('.where').allTextContents()).map((w) => Number(w.replace('dòng ', '')));
    expect(lines).toEqual(Object.values(seedModel.header.at).map((at) => at.line).sort((a, b) => a - b));
  });

  it('the findings are listed with their rule and message, and marked in the text', async () => {
    const diagnostics = seedModel.diagnostics;
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(await page.locator('#findings-count').textContent()).toBe(String(diagnostics.length));
    const rules = await page.locator('#findings .rule').allTextContents();
    expect([...rules].sort()).toEqual(diagnostics.map((d) => d.code).sort());
    const anniversary = diagnostics.find((d) => d.code === 'anniversary-mismatch')!;
    const finding = page.locator('#findings .finding', { has: page.locator('.rule', { hasText: 'anniversary-mismatch' }) }).first();
    expect(await finding.locator('.message').textContent()).toBe(anniversary.message);
    await finding.locator('button').click();
    expect(await highlighted()).toEqual(range(anniversary.line!, anniversary.endLine ?? anniversary.line!));
    const marked = page.locator(`#lines .ln[data-n="${anniversary.line}"]`);
    expect(await marked.getAttribute('class')).toMatch(/\bf-(error|warning|info)\b/);
    if (anniversary.column && anniversary.endColumn && (anniversary.endLine ?? anniversary.line) === anniversary.line) {
      const text = [...cli(['text', SEED]).split('\n')[anniversary.line! - 1]!];
      expect(await marked.locator('mark').textContent()).toBe(text.slice(anniversary.column - 1, anniversary.endColumn - 1).join(''));
    }
    const withLines = new Set(diagnostics.filter((d) => d.line !== null).map((d) => d.line));
    expect(await page.locator('#lines .ln.f-error, #lines .ln.f-warning, #lines .ln.f-info').count()).toBe(withLines.size);
    await shot('04-findings');
  });

  it('English at a click, remembered on the next visit; the findings in English too', async () => {
    await page.locator('#lang').click();
    expect(await page.locator('#tab-document').textContent()).toBe('Document');
    const first = [...seedModel.diagnostics].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))[0]!;
    expect(await page.locator('#findings .message').first().textContent()).toBe(first.messageEn);
    await page.reload();
    await expect.poll(() => page.locator('#tab-document').textContent()).toBe('Document');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await open(SEED);
    expect(await page.locator('#status-document').textContent()).toMatch(/: \d+ lines$/);
    await shot('04-english');
    await page.locator('#lang').click();
    expect(await page.locator('#tab-document').textContent()).toBe('Văn bản');
    await open(SEED);
  });

  it('downloads: the model, the items as CSV for Excel (BOM, Vietnamese intact), the outline', async () => {
    const fetched = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
      return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
    };
    const json = await fetched('#download-json');
    expect(json.name).toBe('programme-2024-hau-giang-draft.json');
    expect(JSON.parse(json.bytes.toString('utf8'))).toEqual(seedModel);
    const csv = await fetched('#download-csv');
    expect(csv.name).toBe('programme-2024-hau-giang-draft.csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.bytes.toString('utf8')).toBe(cli(['parse', '--format', 'csv', SEED_NAME], join(root, 'fixtures/seed')));
    expect(csv.bytes.toString('utf8')).toContain('Văn phòng Tỉnh ủy');
    const outline = await fetched('#download-outline');
    expect(outline.name).toBe('programme-2024-hau-giang-draft.outline.txt');
    expect(outline.bytes.toString('utf8')).toBe(cli(['outline', SEED_NAME], join(root, 'fixtures/seed')));
  });

  it('a picked file is sent once: reading it, switching language and tabs, and every download send nothing more', async () => {
    const sent: { method: string; path: string; type: string }[] = [];
    const count = (request: { method(): string; url(): string; headers(): Record<string, string> }) => {
      if (request.url().startsWith(url)) sent.push({ method: request.method(), path: new URL(request.url()).pathname, type: request.headers()['content-type'] ?? '' });
    };
    page.on('request', count);
    try {
      await open(SEED);
      const fetched = async (button: string) => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
        return readFileSync((await download.path())!, 'utf8');
      };
      expect(await fetched('#download-outline')).toBe(cli(['outline', SEED_NAME], join(root, 'fixtures/seed')));
      await fetched('#download-json');
      await fetched('#download-csv');
      await page.locator('#lang').click();
      expect(await fetched('#download-outline')).toBe(cli(['outline', '--lang', 'en', SEED_NAME], join(root, 'fixtures/seed')));
      await page.locator('#tab-diff').click();
      await page.locator('#tab-document').click();
      await page.locator('#lang').click();
      expect(await page.locator('#tab-document').textContent()).toBe('Văn bản');
      expect(await page.locator('#status-document').textContent()).toMatch(/ dòng$/);
    } finally {
      page.off('request', count);
    }
    // The one request to the server, carrying the file; the downloads were made in the page (blob: URLs).
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/document']);
    expect(sent[0]!.type).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('a file vanban does not read: the problem is shown, in the page language, over the document read before', async () => {
    const png = join(work, 'scan.png');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    await page.setInputFiles('#file-document', png);
    await page.locator('#problem-document').waitFor();
    const shown = (await page.locator('#problem-document').textContent())!;
    expect(shown).toMatch(/^Định dạng không được hỗ trợ: scan\.png: \.png/);
    // The reason too is in Vietnamese, not the English the API answers for Accept-Language: en.
    const english = (await (await fetch(`${url}/v1/parse`, { method: 'POST', body: readFileSync(png), headers: { 'accept-language': 'en', 'content-disposition': 'attachment; filename="scan.png"' } })).json()) as { detail: string };
    expect(english.detail).toMatch(/^scan\.png: \.png /);
    expect(shown).not.toContain(english.detail.split('; ')[0]);
    // The document read before stays shown, and the status still names it.
    expect(await page.locator('#status-document').textContent()).toMatch(new RegExp(`^${SEED_NAME.replaceAll('.', '\\.')}: \\d+ dòng$`));
    expect(await page.locator('#lines .ln').count()).toBeGreaterThan(100);
  });

  it('two drafts side by side: the changes of `vanban diff`, grouped as in its text output', async () => {
    const newer = seedText
      .replace('Số       -CTr/TU', 'Số 12-CTr/TU')
      .replace('Báo cáo công tác tài chính Đảng năm 2023.', 'Báo cáo công tác tài chính Đảng và ngân sách năm 2023.');
    const newPath = join(work, 'du-thao-moi.txt');
    writeFileSync(newPath, newer);
    await page.locator('#tab-diff').click();
    await page.setInputFiles('#file-old', SEED);
    // The new draft dropped on its zone, as from a file manager.
    // (A string: this file is type-checked without the DOM's names.)
    await page.evaluate(`{
      const transfer = new DataTransfer();
      transfer.items.add(new File([${JSON.stringify(newer)}], 'du-thao-moi.txt', { type: 'text/plain' }));
      document.getElementById('drop-new').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }`);
    await page.locator('#changes .summary').waitFor();
    // Its first line names the files compared, then a blank line; the last one sums up.
    const [title, blank, ...text] = cli(['diff', SEED, newPath]).trimEnd().split('\n');
    expect([title, blank]).toEqual([`${SEED} → ${newPath}`, '']);
    const headings = text.filter((l) => l && !l.startsWith(' ')).slice(0, -1);
    expect(headings.length).toBeGreaterThan(0);
    expect(await page.locator('#changes h3').allTextContents()).toEqual(headings);
    expect(await page.locator('#changes .summary').textContent()).toBe(text.at(-1));
    expect(await page.locator('#changes .change').count()).toBe(text.filter((l) => /^ {2}\S/.test(l)).length);
    expect(await page.locator('#changes ins').allTextContents()).toContain('và ngân sách');
    await shot('05-diff');
  });

  it('a .docx and an .html resolution: their text, and tasks with who leads them and by when', async () => {
    await page.locator('#tab-document').click();
    const docx = join(root, 'fixtures/docx/plain.docx');
    await open(docx);
    expect(await page.locator('#lines .ln').count()).toBe(cli(['text', docx]).split('\n').length - 1);
    const resolution = join(root, 'fixtures/html/019-ubtvqh-nq07-2026.html');
    const model = JSON.parse(cli(['parse', resolution])) as Programme;
    expect(model.tasks.length).toBe(2);
    await open(resolution);
    const group = page.locator('#tree > [role=treeitem]', { has: page.locator(':scope > .row .label', { hasText: `Nhiệm vụ (${model.tasks.length})` }) });
    await group.locator(':scope > .row .twisty').click();
    const tasks = group.locator('[role=treeitem]');
    expect(await tasks.locator('.label').allTextContents()).toEqual(model.tasks.map((task) => task.text));
    const first = model.tasks[0]!;
    expect(await tasks.first().locator('.detail').textContent()).toBe(`chủ trì: ${first.lead.join('; ')} · thời hạn: ${first.deadline!.raw}`);
    await tasks.first().locator('.label').click();
    expect(await highlighted()).toEqual(range(first.span.start.line, first.span.end.line));
    // In the body the task's table row says the same, once (not again on each of its cells).
    expect(await page.locator('#tree .detail', { hasText: first.deadline!.raw }).count()).toBe(2);
    await shot('06-tasks');
  });

  it('a 300-page document: lines rendered once, a short tree, highlights still exact', async () => {
    const lines = seedText.split('\n');
    const body = lines.findIndex((l) => l.trim().startsWith('II. NỘI DUNG'));
    const end = lines.findIndex((l, i) => i > body && l.trim().startsWith('III.'));
    const big = [...lines.slice(0, body + 1), ...Array.from({ length: 200 }, () => lines.slice(body + 1, end)).flat(), ...lines.slice(end)].join('\n');
    const bigPath = join(work, 'ke-hoach-dai.txt');
    writeFileSync(bigPath, big);
    const model = JSON.parse(cli(['parse', bigPath])) as Programme;
    const count = cli(['text', bigPath]).split('\n').length - 1;
    expect(count).toBeGreaterThan(13_000);
    await open(bigPath);
    expect(await page.locator('#lines .ln').count()).toBe(count);
    expect(await page.locator('#findings-count').textContent()).toBe(String(model.diagnostics.length));
    // The tree opens only while it stays short: the thousand conferences wait for a click.
    expect(await page.locator('#tree [role=treeitem]').count()).toBeLessThan(200);
    const section = model.outline.find((n) => n.label === 'II.')!;
    const last = section.children.at(-1)!;
    await page.locator('#tree [role=treeitem]', { has: page.locator(':scope > .row .label', { hasText: 'II. NỘI DUNG' }) }).locator(':scope > .row .twisty').click();
    await page.locator('#tree [role=treeitem][aria-level="2"]').last().click();
    expect(await highlighted()).toEqual(range(last.span.start.line, Math.max(last.span.end.line, ...last.children.map((c) => c.span.end.line))));
    const lastFinding = page.locator('#findings .finding button').last();
    await lastFinding.click();
    const final = [...model.diagnostics].filter((d) => d.line !== null).sort((a, b) => a.line! - b.line! || (a.column ?? 0) - (b.column ?? 0)).at(-1)!;
    expect((await highlighted())[0]).toBe(final.line);
    await shot('07-large');
    expect(errors).toEqual([]);
  });
});
