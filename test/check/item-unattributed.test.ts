import { describe, expect, it } from 'vitest';
import { edited, found, messages } from './lint.js';

const code = 'item-unattributed';

describe(code, () => {
  it('flags item (8) of conference 2 once "mục (5), (6), (7) và (8)" loses its (8), at the item', () => {
    const p = edited('mục (5), (6), (7) và (8).', 'mục (5), (6) và (7).');
    expect(found(p, code)).toEqual([{ severity: 'warning', line: 46, column: 1 }]);
    expect(messages(p, code)).toEqual([
      ['Hội nghị 2, mục (8) chưa có cơ quan chủ trì tham mưu', 'Conference 2, item (8) has no lead agency'],
    ]);
  });

  it('is silent when an unscoped line covers the items since the previous one', () => {
    // Without "mục (1) và (2)" the line still assigns both items above it.
    const p = edited('Văn phòng Tỉnh ủy mục (1) và (2).', 'Văn phòng Tỉnh ủy.');
    expect(found(p, code)).toEqual([]);
  });
});
