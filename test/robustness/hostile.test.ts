import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { docx, hostileDocx } from '../../scripts/bench/hostile-docx.mjs';
import { Programme } from '../../src/model/programme.js';

// Each hostile input ends in a valid model (exit 0) or one line naming the file (exit 1).
// How long each takes and how much memory it needs is measured by `npm run bench`, not here.
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'vanban-hostile-'));

function put(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function run(path: string) {
  return spawnSync(process.execPath, [CLI, 'parse', path], { encoding: 'utf8', maxBuffer: 1 << 30 });
}

function random(n: number, seed = 42): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

const items = (n: number) => Array.from({ length: n }, (_, i) => `(${i + 1}) Báo cáo số ${i + 1}.`).join('\n');

describe('hostile text inputs', () => {
  it('a 10 MB single line of repeated items parses', () => {
    const r = run(put('one-line.txt', `1. Hội nghị Ban Chấp hành lần thứ 1 (tháng 3/2024)\n${'(1) Sơ kết công tác quý I. '.repeat(400_000)}`));
    expect(r.status).toBe(0);
    const model = Programme.parse(JSON.parse(r.stdout));
    expect(model.conferences[0]!.items).toHaveLength(1);
    expect(model.conferences[0]!.items[0]!.text.length).toBeGreaterThan(10_000_000);
  });

  it('an attribution naming 20,000 items assigns them all', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `(${i + 1})`).join(', ');
    const r = run(put('attribution.txt', `1. Hội nghị\n${items(20_000)}\nCơ quan chủ trì tham mưu: Văn phòng Tỉnh ủy mục ${names}.`));
    expect(r.status).toBe(0);
    const model = Programme.parse(JSON.parse(r.stdout));
    expect(model.conferences[0]!.items).toHaveLength(20_000);
    expect(model.conferences[0]!.items.every((i) => i.leadAgencies[0] === 'Văn phòng Tỉnh ủy')).toBe(true);
  });

  it('50,000 conferences parse in order', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `${i + 1}. Hội nghị lần thứ ${i + 1} (tháng ${(i % 12) + 1}/2024)\n(1) Sơ kết.`).join('\n');
    const r = run(put('conferences.txt', text));
    expect(r.status).toBe(0);
    const model = Programme.parse(JSON.parse(r.stdout));
    expect(model.conferences).toHaveLength(50_000);
    expect(model.conferences[49_999]).toMatchObject({ ordinal: 50_000, session: 50_000, time: { month: 8 } });
  });

  it('5 million one-word lines (or 250,000 items) are refused in one line, before any reading', () => {
    for (const [name, text] of [
      ['words.txt', 'từ\n'.repeat(5_000_000)],
      ['items.txt', `1. Hội nghị\n${items(250_000)}`],
      ['cr-only.txt', 'từ\r'.repeat(300_000)],
    ] as const) {
      const r = run(put(name, text));
      expect([r.status, r.stdout]).toEqual([1, '']);
      expect(r.stderr.trim().split('\n')).toEqual([`vanban: ${join(dir, name)}: too many lines (over 200,000): not a document vanban can read`]);
    }
  });

  it('5 MB of spaces is an empty programme, not an error', () => {
    const r = run(put('spaces.txt', ' '.repeat(5_000_000)));
    expect(r.status).toBe(0);
    expect(Programme.parse(JSON.parse(r.stdout)).conferences).toEqual([]);
  });

  it('a .docx whose 7 MB numbering label 2,000 paragraphs use parses, the label cut', () => {
    const r = run(put('label.docx', hostileDocx['numbering label text of 7 MB, 2,000 paragraphs']!()));
    expect(r.status).toBe(0);
    const model = Programme.parse(JSON.parse(r.stdout));
    expect(model.diagnostics.map((d) => d.messageEn)).toContainEqual(expect.stringMatching(/^a numbering label longer than \d+ characters was cut/));
  });

  const refused: [string, () => string, RegExp][] = [
    ['a .docx of 50,001 paragraphs', () => put('paragraphs.docx', docx({ body: '<w:p/>'.repeat(50_001) })), /: too many paragraphs \(over 50,000\)$/],
    ['an empty file', () => put('empty.txt', ''), /: the file is empty$/],
    ['20 KB of random bytes', () => put('random.txt', random(20_000)), /: not a text file \(binary data\)$/],
    ['a folder', () => {
      const path = join(dir, 'folder.txt');
      mkdirSync(path, { recursive: true });
      return path;
    }, /: is a directory, not a file$/],
  ];
  for (const [name, make, reason] of refused) {
    it(`${name} gets one line naming the file, exit 1`, () => {
      const path = make();
      const r = run(path);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]!.startsWith(`vanban: ${path}: `)).toBe(true);
      expect(lines[0]).toMatch(reason);
    });
  }
});
