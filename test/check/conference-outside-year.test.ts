import { describe, expect, it } from 'vitest';
import { edited, found, messages } from './lint.js';

const code = 'conference-outside-year';

describe(code, () => {
  it('flags a conference of a 2024 programme dated 12/2023, at its time', () => {
    const p = edited('(tháng 12/2024)', '(tháng 12/2023)');
    expect(found(p, code)).toEqual([{ severity: 'warning', line: 77, column: 52 }]);
    expect(messages(p, code)).toEqual([
      [
        'Hội nghị 5 (tháng 12/2023) không thuộc năm 2024 của chương trình',
        "Conference 5 (tháng 12/2023) is not in the programme's year 2024",
      ],
    ]);
  });

  it('is silent for a time that names no year', () => {
    const p = edited('(dự kiến tháng 8/2024)', '(dự kiến tháng 8)');
    expect(p.conferences[2]!.time).toMatchObject({ month: 8, year: null });
    expect(found(p, code)).toEqual([]);
  });
});
