import { describe, expect, it } from 'vitest';
import { edited, found, messages } from './lint.js';

const code = 'unknown-type-code';

describe(code, () => {
  it('flags "38-CX/TW", at the number', () => {
    const p = edited('Chỉ thị số 38-CT/TW', 'Chỉ thị số 38-CX/TW');
    expect(found(p, code)).toEqual([{ severity: 'warning', line: 59, column: 42 }]);
    expect(messages(p, code)).toEqual([
      [
        "Chỉ thị 38-CX/TW ngày 07/9/2009: ký hiệu loại văn bản 'CX' không có trong danh mục",
        "Chỉ thị 38-CX/TW of 07/9/2009: the type code 'CX' is not a known document type",
      ],
    ]);
  });

  it('is silent for "QĐi", the other Party code of a Quy định', () => {
    const p = edited('Quy định số 208-QĐ/TW', 'Quy định số 208-QĐi/TW');
    expect(p.citations.find((c) => c.number === '208')?.symbol).toBe('QĐi/TW');
    expect(found(p, code)).toEqual([]);
  });
});

describe(`${code} on State documents`, () => {
  it('reads a State code before the hyphen: "XX" of "38/2019/XX-CP" is unknown', () => {
    const p = edited('Chỉ thị số 38-CT/TW', 'Nghị định số 38/2019/XX-CP');
    expect(found(p, code)).toEqual([{ severity: 'warning', line: 59, column: 44 }]);
  });

  it('is silent for a law\'s "59/2020/QH14", which has no type code', () => {
    const p = edited('Chỉ thị số 38-CT/TW', 'Luật số 59/2020/QH14');
    expect(p.citations.find((c) => c.kind === 'Luật')?.symbol).toBe('QH14');
    expect(found(p, code)).toEqual([]);
  });
});
