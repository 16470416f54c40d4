import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { GENRES, actualOf, docSpec, expectedOf, renderDocument } from '../genre-generators.js';

// Generated documents of every genre, under random header layouts (Party or State; the two columns
// flattened left-first, right-first, row by row, or as "|" cells; site chrome above; blank lines
// or none; hard-wrapped bodies), parse back to the genre, the header fields and the outline
// (labels, depths, kinds, full heading or text) they were generated from.
const runs = { numRuns: 100 };

describe('generated documents parse back to their genre, header and outline', () => {
  for (const genre of GENRES) {
    it(genre, () => {
      fc.assert(
        fc.property(docSpec(genre), (spec) => {
          expect(actualOf(parse(renderDocument(spec)))).toEqual(expectedOf(spec));
        }),
        runs,
      );
    });
  }
});

const outline = (text: string) => actualOf(parse(text)).outline.map(({ depth, label }) => `${depth} ${label}`);
const PARTY_HEADER = ['TỈNH ỦY HẬU GIANG', '*', 'Số 27-KH/TU', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Hậu Giang, ngày 13 tháng 7 năm 2022', ''];

// Shrunk counterexamples the properties found; the generator stays clear of them until they are fixed.
describe('known parser bugs found by the properties', () => {
  it('a wrapped item whose short first line stops on "của" or before a number is one item', () => {
    const header = [...PARTY_HEADER, 'KẾ HOẠCH', 'Tổ chức hội nghị', '', 'I. NỘI DUNG'];
    expect(outline([...header, 'a) Tăng cường công tác kiện toàn, bổ sung nhân sự, giai đoạn', '2021-2025.'].join('\n'))).toEqual(['0 I.', '1 a)']);
    expect(outline([...header, 'a) Tăng cường sự lãnh đạo của', 'Đảng đối với công tác quản lý.'].join('\n'))).toEqual(['0 I.', '1 a)']);
  });

  it('decimal labels without their final dot ("1.1", "1.2") are siblings, not nested', () => {
    expect(outline([...PARTY_HEADER, 'KẾ HOẠCH', 'Tổ chức hội nghị', '', '1. Mục đích', '1.1 Nâng cao nhận thức.', '1.2 Bảo đảm tiến độ.'].join('\n'))).toEqual([
      '0 1.',
      '1 1.1',
      '1 1.2',
    ]);
  });

  it('a title line in brackets ("(từ ngày … đến ngày …)") belongs to the title', () => {
    const model = parse([...PARTY_HEADER, 'LỊCH CÔNG TÁC', 'của Thường trực Tỉnh ủy', '(từ ngày 25/3/2023 đến ngày 31/3/2023)', '', 'THỨ HAI, NGÀY 25/3/2023', '- 7 giờ 30: Đ/c Nguyễn Văn Tuấn dự họp, tại Hội trường Tỉnh ủy.'].join('\n'));
    expect(model.header.title).toBe('của Thường trực Tỉnh ủy (từ ngày 25/3/2023 đến ngày 31/3/2023)');
  });
});
