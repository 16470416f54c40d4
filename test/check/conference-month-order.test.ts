import { describe, expect, it } from 'vitest';
import { edited, found, messages } from './lint.js';

const code = 'conference-month-order';

describe(code, () => {
  it('flags conference 4 in May after conference 3 in August, at its time', () => {
    const p = edited('lần thứ 19 (tháng 9/2024)', 'lần thứ 19 (tháng 5/2024)');
    expect(found(p, code)).toEqual([{ severity: 'warning', line: 63, column: 52 }]);
    expect(messages(p, code)).toEqual([
      [
        'Hội nghị 4 (tháng 5/2024) sớm hơn hội nghị 3 đứng trước nó (dự kiến tháng 8/2024)',
        'Conference 4 (tháng 5/2024) is earlier than conference 3 before it (dự kiến tháng 8/2024)',
      ],
    ]);
  });

  it('is silent for two conferences in the same month', () => {
    const p = edited('lần thứ 19 (tháng 9/2024)', 'lần thứ 19 (tháng 8/2024)');
    expect(found(p, code)).toEqual([]);
  });

  it('is silent for a quarter that can follow the month before it', () => {
    const p = edited('lần thứ 18 (tháng 6/2024)', 'lần thứ 18 (quý II/2024)');
    expect(p.conferences[1]!.time).toMatchObject({ quarter: 2, month: null });
    expect(found(p, code)).toEqual([]);
  });
});
