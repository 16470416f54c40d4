import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewProgramme } from '../../scripts/bench/documents.mjs';
import type { AgencyLoad, Anniversary, Citing, Hit } from '../../src/archive/answers.js';
import { indexArchive } from '../../src/archive/build.js';
import { ArchiveDb } from '../../src/archive/db.js';
import { createService, listen, type Service } from '../../src/serve/server.js';
import { CHROMIUM, FLAGS, needChromium, skipBrowser } from './browser.js';

// The archive tab of the page of `vanban serve --db`, driven as a person would in Debian's
// Chromium: an archive indexed from the seed (the 2024 draft) and the generator's programme for
// 2019, each question asked in its form, and what the page shows held against what the API and
// the command line answer. Needs the build (npm run build). Screenshots go to test-artifacts/.
const root = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(root, 'dist/cli/main.js');
const ARTEFACTS = join(root, 'test-artifacts');
const SEED = 'programme-2024-hau-giang-draft.txt';

const vanban = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }).stdout;
const options = { workers: 1, queue: 4, timeoutMs: 60_000, memoryMb: 400, maxSize: 20 * 1024 * 1024, quiet: true, version: 'test', log: () => {} };

describe.skipIf(skipBrowser())('the archive tab of the page, in Chromium', { timeout: 240_000 }, () => {
  let work: string;
  let db: string;
  let archive: ArchiveDb;
  let withDb: Service;
  let withoutDb: Service;
  let url: string;
  let bareUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    needChromium();
    mkdirSync(ARTEFACTS, { recursive: true });
    work = mkdtempSync(join(tmpdir(), 'vanban-archive-page-'));
    const folder = join(work, 'archive');
    mkdirSync(folder);
    copyFileSync(join(root, 'fixtures/seed', SEED), join(folder, SEED));
    writeFileSync(join(folder, 'ctr-2019.txt'), reviewProgramme(2019, { number: 12, offset: 1 }).text);
    db = join(work, 'archive.db');
    await indexArchive({ inputs: [folder], out: join(work, 'json'), db, concurrency: 1, maxSize: 100 << 20 });
    archive = await ArchiveDb.open(db);
    withDb = await createService({ ...options, archive });
    url = await listen(withDb, 0, '127.0.0.1');
    withoutDb = await createService(options);
    bareUrl = await listen(withoutDb, 0, '127.0.0.1');
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on('pageerror', (error) => errors.push(error.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await withDb?.stop(0);
    await withoutDb?.stop(0);
    archive?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(ARTEFACTS, `${name}.png`) });
  /** The API's answer, as the page would get it (Vietnamese). */
  const api = async <T>(path: string): Promise<T> => (await (await fetch(`${url}${path}`)).json()) as T;
  const focused = () => page.evaluate('document.activeElement && document.activeElement.id');
  /** The texts of a table's body, row by row. */
  const rows = (table: ReturnType<Page['locator']>) => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));

  /** Asks a question as a person does: types in its field, presses Enter, waits for the answer. */
  async function ask(field: string, value: string): Promise<void> {
    const before = await page.locator('#status-archive').textContent();
    await page.locator(`#q-${field}`).fill(value);
    await page.locator(`#q-${field}`).press('Enter');
    await expect.poll(async () => {
      const status = await page.locator('#status-archive').textContent();
      return (await page.locator('#problem-archive').isVisible()) || (status !== before && status !== 'Đang hỏi kho…' && status !== 'Asking the archive…');
    }).toBe(true);
  }

  it('without --db the page has no archive tab; the arrow keys go round the two others', async () => {
    const health = page.waitForResponse((response) => response.url().endsWith('/healthz'));
    await page.goto(bareUrl);
    expect(await (await health).json()).toMatchObject({ archive: false });
    expect(await page.locator('#tab-archive').isHidden()).toBe(true);
    expect(await page.locator('[role=tab]:visible').allTextContents()).toEqual(['Văn bản', 'So sánh hai dự thảo']);
    await page.locator('#tab-document').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('tab-document');
    // Asked anyway (a page left open while the server restarted without --db): the problem's words.
    await page.evaluate(`{
      document.getElementById('view-archive').hidden = false;
      document.getElementById('q-cites').value = '57-NQ/TW';
      document.getElementById('ask-cites').requestSubmit();
    }`);
    await page.locator('#problem-archive').waitFor();
    const problem = (await (await fetch(`${bareUrl}/v1/cites?id=57-NQ/TW`)).json()) as { title: string; detail: string };
    expect(problem.title).toBe('Không có kho văn bản');
    expect(await page.locator('#problem-archive').textContent()).toBe(`${problem.title}: ${problem.detail}`);
  });

  it('with --db a third tab, reached with the keyboard; each field with the Tab key, its focus shown', async () => {
    await page.goto(url);
    await page.locator('#tab-archive').waitFor();
    expect(await page.locator('#tab-archive').textContent()).toBe('Kho văn bản');
    await page.locator('#tab-document').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('tab-archive');
    expect(await page.locator('#tab-archive').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#view-archive').isVisible()).toBe(true);
    expect(await page.locator('#view-document').isHidden()).toBe(true);
    for (let i = 0; i < 6 && (await focused()) !== 'q-anniversaries'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('q-anniversaries');
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
    const order: unknown[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order.filter((id) => typeof id === 'string' && id.startsWith('q-'))).toEqual(['q-cites', 'q-agencies', 'q-search']);
  });

  it('anniversaries: each due document with its earlier reviews, and its draft line copied at a click', async () => {
    const { anniversaries } = await api<{ anniversaries: Anniversary[] }>('/v1/anniversaries?year=2024');
    expect(anniversaries.some((a) => a.reviews.length > 1)).toBe(true);
    await ask('anniversaries', '2024');
    expect(await page.locator('#answer .summary').textContent()).toBe(`${anniversaries.length} văn bản đến kỳ sơ kết, tổng kết năm 2024`);
    const blocks = page.locator('#answer article.due');
    expect(await blocks.evaluateAll((all) => all.map((a) => a.getAttribute('data-id')))).toEqual(anniversaries.map((a) => a.id));
    for (const [i, a] of anniversaries.entries()) {
      const block = blocks.nth(i);
      expect(await block.locator('h3').textContent()).toContain(`${a.kind} ${a.id}`);
      expect(await block.locator('h3').textContent()).toContain(`${a.action} ${a.years} năm`);
      // Each earlier review: year, programme, item and line, lead agencies, what it said.
      expect(await rows(block.locator('table.reviews'))).toEqual(
        a.reviews.map((r) => [String(r.year), `${basename(r.document)}${r.number ? ` (${r.number})` : ''}`, `HN ${r.conference}, mục ${r.item} · dòng ${r.line}`, r.lead.join('; ') || 'chưa có cơ quan chủ trì', r.said]),
      );
      expect(await block.locator('.draft-line').textContent()).toBe(a.draft);
    }
    // The draft line of a document reviewed twice before, copied with the keyboard.
    const twice = anniversaries.findIndex((a) => a.reviews.length > 1);
    const copy = blocks.nth(twice).locator('button.copy');
    expect(await copy.getAttribute('aria-label')).toBe(`Chép dòng dự thảo về ${anniversaries[twice]!.id}`);
    await copy.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => copy.textContent()).toBe('Đã chép');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(anniversaries[twice]!.draft);
    await blocks.nth(twice).scrollIntoViewIfNeeded();
    await shot('08-archive-anniversaries');
  });

  it('cites: the documents and items by year, with their lead agencies; the id typed loosely', async () => {
    const { anniversaries } = await api<{ anniversaries: Anniversary[] }>('/v1/anniversaries?year=2024');
    const id = anniversaries.find((a) => a.reviews.length > 1)!.id;
    const { cites } = await api<{ cites: Citing[] }>(`/v1/cites?id=${encodeURIComponent(id)}`);
    const years = [...new Set(cites.map((c) => c.year))];
    expect(years.length).toBeGreaterThan(1);
    await ask('cites', ` ${id.toLowerCase().replace('-', ' - ')} `);
    expect(await page.locator('#answer .summary').textContent()).toBe(`${new Set(cites.map((c) => c.document)).size} văn bản, ${cites.length} chỗ trích dẫn ${id}`);
    expect(await page.locator('#answer section.year h3').allTextContents()).toEqual(years.map(String));
    const shown = (await Promise.all(years.map((_, i) => rows(page.locator('#answer section.year').nth(i).locator('table'))))).flat();
    expect(shown).toEqual(cites.map((c) => [`${basename(c.document)}${c.number ? ` (${c.number})` : ''}`, `${c.item !== null ? `HN ${c.conference}, mục ${c.item}` : c.task !== null ? `nhiệm vụ ${c.task}` : 'ngoài mục'} · dòng ${c.line}`, c.lead.join('; '), c.text ?? c.raw]));
    await shot('09-archive-cites');
  });

  it('agencies: items (+ tasks) per lead agency and quarter, as `vanban agencies` counts them', async () => {
    const { agencies } = await api<{ agencies: AgencyLoad[] }>('/v1/agencies?year=2024');
    expect(agencies.length).toBeGreaterThan(1);
    await ask('agencies', '2024');
    // The command's table: the agency, then the counts, columns apart by two spaces or more.
    const [note, head, ...lines] = vanban('agencies', '--year', '2024', '--db', db).trimEnd().split('\n');
    expect(await page.locator('#answer .summary').textContent()).toBe(note);
    const table = page.locator('#answer table.agencies');
    expect(await table.locator('th').allTextContents()).toEqual(head!.split(/ {2,}/));
    expect(await rows(table)).toEqual(lines.map((line) => line.split(/ {2,}/)));
    expect((await rows(table)).map((row) => row[0])).toEqual([...new Set(agencies.map((a) => a.agency))]);
    await shot('10-archive-agencies');
  });

  it('search: ranked hits with document and line, "chuyen doi so" finding "chuyển đổi số"; in English at a click', async () => {
    const { hits } = await api<{ hits: Hit[] }>(`/v1/search?q=${encodeURIComponent('chuyen doi so')}`);
    expect(hits.length).toBeGreaterThan(0);
    await ask('search', 'chuyen doi so');
    expect(await page.locator('#answer .summary').textContent()).toBe(`${hits.length} kết quả cho “chuyen doi so”, phù hợp nhất trước`);
    const shown = page.locator('#answer .hit');
    expect(await shown.locator('.doc').allTextContents()).toEqual(hits.map((h) => `${basename(h.document)}${h.number ? ` (${h.number})` : ''}`));
    expect(await shown.locator('.text').allTextContents()).toEqual(hits.map((h) => h.text));
    expect(await shown.locator('.head').allTextContents()).toEqual(hits.map((h) => expect.stringContaining(`dòng ${h.span.start.line}`)));
    // The words found are marked as written, diacritics and all.
    expect(new Set((await shown.first().locator('mark').allTextContents()).map((w) => w.toLowerCase()))).toEqual(new Set(['chuyển', 'đổi', 'số']));
    await shot('11-archive-search');
    await page.locator('#lang').click();
    expect(await page.locator('#tab-archive').textContent()).toBe('Archive');
    expect(await page.locator('#answer .summary').textContent()).toBe(`${hits.length} results for “chuyen doi so”, best first`);
    expect(await shown.locator('.head').allTextContents()).toEqual(hits.map((h) => expect.stringContaining(`line ${h.span.start.line}`)));
    await page.locator('#lang').click();
  });

  it('a year that is not one: the problem, in the page language; the next good answer clears it', async () => {
    await ask('agencies', 'năm sau');
    const problem = (await (await fetch(`${url}/v1/agencies?year=${encodeURIComponent('năm sau')}`)).json()) as { title: string; detail: string };
    // The detail begins with the title: said once.
    expect(problem.detail).toMatch(/^Yêu cầu không hợp lệ: .*năm sau/);
    expect(await page.locator('#problem-archive').textContent()).toBe(problem.detail);
    expect(await page.locator('#answer').textContent()).toBe('');
    await shot('12-archive-problem');
    await ask('agencies', '2019');
    expect(await page.locator('#problem-archive').isHidden()).toBe(true);
    expect(await page.locator('#answer table.agencies tbody tr').count()).toBe(new Set((await api<{ agencies: AgencyLoad[] }>('/v1/agencies?year=2019')).agencies.map((a) => a.agency)).size);
    expect(errors).toEqual([]);
  });
});
