import { describe, expect, it } from 'vitest';
import { workPerChar as work } from '../work.js';


// The citation forms of issue 11 repeated on one line: each must cost the same per character
// whatever the length (as test/robustness/linear.test.ts does for the older shapes).
const shapes: Record<string, (n: number) => string> = {
  'numbers without a symbol': (n) => `Thực hiện ${'Chỉ thị 35 của Bộ Chính trị, '.repeat(n)}.`,
  'one list of n numbers': (n) => `Thực hiện các Nghị quyết số ${Array.from({ length: n }, (_, i) => `${(i % 900) + 1}-NQ/TW`).join(', ')} của Bộ Chính trị.`,
  'laws by name': (n) => `Căn cứ ${'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 và '.repeat(n)}.`,
  'amending laws': (n) => `Căn cứ ${'Luật sửa đổi, bổ sung một số điều của Luật Đất đai và Luật Nhà ở, '.repeat(n)}.`,
  'issuers before the citation': (n) => `${'Ngày 10/12/2019, Ban Thường vụ Đảng ủy NHPT đã ban hành Kế hoạch số 101-KH/ĐU; '.repeat(n)}`,
  'symbols to repair': (n) => `Căn cứ ${'Nghị định số 61/2018/NĐCP ngày 23 tháng 4 năm 2018 Chính phủ, 70-TB/TWngày 06 tháng 01 năm 2012; '.repeat(n)}`,
  'bare State symbols': (n) => `${'28/2016/TT-BGTVT 14/10/2016 Sửa đổi; '.repeat(n)}`,
};

describe('citation forms cost linear work', () => {
  for (const [name, make] of Object.entries(shapes)) {
    it(name, () => {
      const small = work(make, 100);
      const large = work(make, 1_000);
      expect(small).toBeGreaterThan(0);
      expect(large / small).toBeLessThanOrEqual(1.1);
    });
  }
});
