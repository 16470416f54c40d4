import { describe, expect, it } from 'vitest';
import { edited, found, messages } from './lint.js';

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
