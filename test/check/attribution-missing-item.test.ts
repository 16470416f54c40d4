import { describe, expect, it } from 'vitest';
import { edited, found, messages } from './lint.js';

const code = 'attribution-missing-item';

describe(code, () => {
  it('flags "mục (1) và (9)" in a conference without an item (9), at "(9)"', () => {
    const p = edited('Văn phòng Tỉnh ủy mục (1) và (2).', 'Văn phòng Tỉnh ủy mục (1) và (9).');
    expect(found(p, code)).toEqual([{ severity: 'error', line: 36, column: 56 }]);
    expect(messages(p, code)).toEqual([
      [
        'Văn phòng Tỉnh ủy được giao mục (9) nhưng hội nghị 2 không có mục này',
        'Văn phòng Tỉnh ủy is assigned item (9), which conference 2 does not have',
      ],
    ]);
  });

  it('is silent for a range whose items all exist ("mục (5) đến (8)")', () => {
    const p = edited('mục (5), (6), (7) và (8).', 'mục (5) đến (8).');
    expect(p.attributions.find((a) => a.line === 48)?.items).toEqual([5, 6, 7, 8]);
    expect(found(p, code)).toEqual([]);
  });
});
