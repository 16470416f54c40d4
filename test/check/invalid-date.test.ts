import { describe, expect, it } from 'vitest';
import { edited, found, messages } from './lint.js';

const code = 'invalid-date';

describe(code, () => {
  it('flags 31/2/2014 in a citation as an error, at the day', () => {
    const p = edited('ngày 28/3/2014', 'ngày 31/2/2014');
    expect(found(p, code)).toEqual([{ severity: 'error', line: 29, column: 58 }]);
    expect(messages(p, code)).toEqual([
      ['Kết luận 94-KL/TW ngày 31/2/2014: ngày 31/2/2014 không có thật', 'Kết luận 94-KL/TW of 31/2/2014: the date 31/2/2014 does not exist'],
    ]);
  });

  it("flags the header's 30 tháng 2", () => {
    const p = edited('ngày     tháng    năm 2023', 'ngày 30 tháng 2 năm 2023');
    expect(found(p, code)).toEqual([{ severity: 'error', line: 9, column: 12 }]);
    expect(messages(p, code)[0]![0]).toBe('Ngày ban hành 30/2/2023 không có thật');
  });

  it('is silent for 31/3/2014, which exists', () => {
    const p = edited('ngày 28/3/2014', 'ngày 31/3/2014');
    expect(p.citations[0]!.date).toBe('2014-03-31');
    expect(found(p, code)).toEqual([]);
  });
});
