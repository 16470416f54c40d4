import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { actualStructure, expectedStructure, renderProgramme, type ProgrammeSpec } from '../generators.js';
import { hardWrap } from '../helpers.js';

// Counterexamples fast-check shrank to, kept as fixed cases.
describe('regressions', () => {
  it('a conference heading hard-wrapped before a capital keeps its time and items', () => {
    const spec: ProgrammeSpec = {
      year: 2020,
      conferences: [
        {
          session: null,
          month: 1,
          tentative: false,
          items: [{ action: 'Sơ kết', years: 1, subject: 'tăng tăng tăng', citation: null }],
          groups: [{ size: 1, agency: 'Văn phòng Tỉnh ủy', scoped: false }],
        },
      ],
    };
    for (const width of [40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50]) {
      expect(actualStructure(parse(hardWrap(renderProgramme(spec), width)))).toEqual(expectedStructure(spec));
    }
  });

  it('a heading wrapped before its session number keeps the session', () => {
    const text = '1. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ\n17 (tháng 3/2024)\n(1) Sơ kết công tác quý I.\nCơ quan chủ trì tham mưu:\nVăn phòng Tỉnh ủy.';
    const c = parse(text).conferences[0]!;
    expect(c).toMatchObject({ session: 17, time: { month: 3, year: 2024 } });
    expect(c.items[0]!.leadAgencies).toEqual(['Văn phòng Tỉnh ủy']);
  });

  it('"quý I." wrapped onto its own line is not a section heading', () => {
    const text = 'II. NỘI DUNG\n1. Hội nghị lần thứ 1 (tháng 3/2024)\n(1) Sơ kết công tác quý\nI.\nIII. TỔ CHỨC THỰC HIỆN';
    const p = parse(text);
    expect(p.sections.map((s) => s.label)).toEqual(['II', 'III']);
    expect(p.conferences[0]!.items[0]!.text).toBe('Sơ kết công tác quý I.');
  });
});
