import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/normalize/text.js';
import { edited, found, messages, seed } from './lint.js';

const code = 'citation-spacing-repaired';

describe(code, () => {
  it('notes "38 -CT/TW" as information, at the number', () => {
    const p = edited('Chỉ thị số 38-CT/TW', 'Chỉ thị số 38 -CT/TW');
    expect(found(p, code)).toEqual([
      { severity: 'info', line: 55, column: 123 },
      { severity: 'info', line: 59, column: 42 },
    ]);
    expect(messages(p, code)[1]).toEqual([
      "Chỉ thị 38-CT/TW ngày 07/9/2009: số hiệu viết '38 -CT/TW', đã đọc là 38-CT/TW",
      "Chỉ thị 38-CT/TW of 07/9/2009: written '38 -CT/TW', read as 38-CT/TW",
    ]);
  });

  it('is silent once "11- CT/TW" is written "11-CT/TW"', () => {
    const p = edited('11- CT/TW', '11-CT/TW');
    expect(found(p, code)).toEqual([]);
  });
});

describe(`${code}: the repair it carries`, () => {
  const repairs = (from: string, to: string) => {
    const p = edited(from, to);
    const text = normalizeText(seed.replace(from, to));
    return p.diagnostics
      .filter((d) => d.code === code)
      .map((d) => ({ written: d.fix ? text.slice(d.fix.span.start, d.fix.span.end) : null, text: d.fix?.text ?? null, end: [d.endLine, d.endColumn] }));
  };

  it('replaces "94 - KL/TW" by its id, and the finding covers the symbol as written', () => {
    expect(repairs('Kết luận số 94-KL/TW', 'Kết luận số 94 - KL/TW')[0]).toEqual({ written: '94 - KL/TW', text: '94-KL/TW', end: [29, 53] });
    // The seed's own "11- CT/TW".
    expect(repairs('Kết luận số 94-KL/TW', 'Kết luận số 94-KL/TW')).toEqual([{ written: '11- CT/TW', text: '11-CT/TW', end: [55, 132] }]);
  });

  it('offers no fix for a repair that is more than spaces, or a symbol broken over two lines', () => {
    const glued = edited('Kết luận số 94-KL/TW', 'Kết luận số 94 -kl/tw').diagnostics.filter((d) => d.code === code && d.line === 29);
    expect(glued.map((d) => d.fix)).toEqual(glued.map(() => undefined));
    const wrapped = edited('Kết luận số 94-KL/TW', 'Kết luận số 94 -\nKL/TW').diagnostics.filter((d) => d.code === code && d.line === 29);
    expect(wrapped.every((d) => d.fix === undefined)).toBe(true);
  });
});
