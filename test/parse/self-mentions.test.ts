import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';

const found = (name: string) => readFileSync(new URL(`../../fixtures/corpus/found/${name}`, import.meta.url));

describe('a document naming itself', () => {
  it('"Quyết định này" in a real decision is a self mention, never a citation', () => {
    const p = parse(found('110-twdtn-qd367-2013-ban-hanh-van-ban-doan-mot-dong.txt'));
    expect(p.selfMentions.map((s) => [s.raw, s.kind])).toEqual([
      ['quyết định này', 'Quyết định'],
      ['Quyết định này', 'Quyết định'],
      ['Quyết định này', 'Quyết định'],
      ['Quyết định này', 'Quyết định'],
    ]);
    const text = p.selfMentions.map((s) => s.span);
    expect(p.citations.some((c) => text.some((s) => c.span.start < s.end && s.start < c.span.end))).toBe(false);
  });

  // Chương trình 27-CTr/TU of Thừa Thiên Huế (fixtures/corpus/dev/001), with its header as printed.
  const programme = [
    'TỈNH ỦY THỪA THIÊN HUẾ',
    '*',
    'Số 27-CTr/TU',
    'Huế, ngày 23 tháng 8 năm 2017',
    '',
    'CHƯƠNG TRÌNH HÀNH ĐỘNG',
    'thực hiện Chỉ thị số 13-CT/TW ngày 12/01/2017 của Ban Bí thư',
    '',
    'Các cấp ủy quán triệt Chương trình hành động số 27 và Chỉ thị 13-CT/TW; Chương trình này được phổ biến đến chi bộ.',
  ].join('\n');

  it('its own number in its text points to header.number', () => {
    const p = parse(programme);
    expect(p.header.number?.id).toBe('27-CTr/TU');
    expect(p.selfMentions.map((s) => [s.raw, s.line])).toEqual([
      ['Chương trình hành động số 27', 9],
      ['Chương trình này', 9],
    ]);
    expect(p.citations.map((c) => [c.raw, c.refersTo])).toEqual([
      ['Chỉ thị số 13-CT/TW ngày 12/01/2017 của Ban Bí thư', null],
      ['Chỉ thị 13-CT/TW', 0],
    ]);
  });

  it('another document of the same kind with another number stays a citation', () => {
    const p = parse(programme.replace('Chương trình hành động số 27', 'Chương trình hành động số 26'));
    expect(p.citations.map((c) => c.raw)).toContain('Chương trình hành động số 26');
    expect(p.selfMentions.map((s) => s.raw)).toEqual(['Chương trình này']);
  });
});
