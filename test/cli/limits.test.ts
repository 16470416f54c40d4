import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/cli/io.js';
import { FileReader } from '../../src/cli/reader.js';
import { SEED_PATH, seedBytes } from '../helpers.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const CRASHING = new URL('../batch/crash-worker.mjs', import.meta.url);
const seed = fileURLToPath(SEED_PATH);
const vanban = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const tmp = mkdtempSync(join(tmpdir(), 'vanban-limits-'));

describe('--timeout and --max-memory on the commands that read one file at a time', () => {
  it('a file that hangs its reader fails with one line naming it once the limit passes', async () => {
    const hang = join(tmp, 'hang.txt');
    writeFileSync(hang, seedBytes());
    // The test worker never answers for "hang": only the time limit can end the read.
    const reader = new FileReader({ timeoutMs: 200, workerUrl: CRASHING });
    try {
      await expect(reader.model(hang)).rejects.toThrow(`${hang}: timed out after 0.2 s (--timeout)`);
    } finally {
      await reader.close();
    }
  });

  it('a file that exhausts the memory limit fails with one line naming it', async () => {
    const hog = join(tmp, 'hog.txt');
    writeFileSync(hog, seedBytes());
    const reader = new FileReader({ memoryMb: 64, workerUrl: CRASHING });
    try {
      await expect(reader.model(hog)).rejects.toThrow(`${hog}: out of memory: over the 64 MB a worker may use (--max-memory)`);
    } finally {
      await reader.close();
    }
  });

  it('within the limits, every command prints what it prints without them', () => {
    for (const args of [['parse', seed], ['outline', seed], ['text', seed], ['lint', seed], ['diff', seed, seed]]) {
      const plain = vanban(args);
      const limited = vanban([args[0]!, '--timeout', '60', '--max-memory', '512MB', ...args.slice(1)]);
      expect([limited.status, limited.stderr], args[0]).toEqual([plain.status, plain.stderr]);
      expect(limited.stdout, args[0]).toBe(plain.stdout);
      expect(limited.stdout.length).toBeGreaterThan(100);
    }
  });

  it('a bad value is a usage error (exit 2) with one line naming the option', () => {
    for (const [flag, value, message] of [
      ['--timeout', 'soon', 'vanban: --timeout: "soon" is not a number of seconds'],
      ['--max-memory', '5', 'vanban: --max-memory: "5" is too little for a worker (at least 16MB, or 0 for no limit)'],
      ['--max-memory', 'lots', 'vanban: --max-memory: "lots" is not a size (e.g. 50MB, 800KB)'],
    ]) {
      for (const command of ['parse', 'text', 'batch']) {
        const r = vanban([command, flag!, value!, seed, ...(command === 'batch' ? ['--out', join(tmp, 'out')] : [])]);
        expect([r.status, r.stderr.split('\n')[0]], `${command} ${flag} ${value}`).toEqual([2, message]);
      }
    }
  });
});

describe('file-system errors', () => {
  const errno = (code: string, syscall: string, path: string, text: string) => Object.assign(new Error(`${code}: ${text}, ${syscall} '${path}'`), { code, syscall, path });

  it('are one line naming the file and the reason, never "internal error"', () => {
    expect(describeError(errno('ENOSPC', 'write', 'json/x.json', 'no space left on device'))).toBe('cannot write json/x.json: no space left on device (ENOSPC)');
    expect(describeError(errno('EACCES', 'open', 'json/.lock', 'permission denied'))).toBe('cannot open json/.lock: permission denied');
    expect(describeError(errno('EISDIR', 'read', 'a', 'illegal operation on a directory'))).toBe('cannot read a: is a directory, not a file');
    expect(describeError(errno('EMLINK', 'mkdir', 'json/2024', 'too many links'))).toBe('cannot create json/2024: too many links (EMLINK)');
    expect(describeError(new TypeError('x is undefined'))).toBe('internal error: x is undefined'); // a bug stays a bug
  });
});
