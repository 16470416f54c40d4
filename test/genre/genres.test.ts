import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accountLines, normalizedText, parse } from '../../src/index.js';
import { loadGrammar } from '../../src/grammar/load.js';
import { compile } from '../../src/recognise/compile.js';

const corpus = (path: string) => readFileSync(new URL(`../../fixtures/corpus/${path}`, import.meta.url));

describe('schedule: entries under weekday headings (Thành ủy Vị Thanh, week of 12/5/2025)', () => {
  const p = parse(corpus('found/102-vi-thanh-thanh-uy-lich-lam-viec-tuan-5-2025.txt'));

  it('is a schedule whose days are headings with the role "day"', () => {
    expect(p.genre).toBe('schedule');
    expect(p.outline.filter((n) => n.role === 'day').map((n) => n.heading)).toEqual(['Thứ Hai, ngày 12/5/2025', 'Thứ Ba, ngày 13/5/2025']);
  });

  it('reads each entry’s date, time, who chairs, where and who prepares', () => {
    expect(p.schedule[0]).toMatchObject({
      date: '2025-05-12',
      time: '6 giờ 30',
      place: 'Nhà ăn Hội trường Trung tâm hành chính thành phố',
      preparer: 'Văn phòng HĐND và UBND thành phố',
    });
    expect(p.schedule[1]).toMatchObject({ date: '2025-05-12', time: '6 giờ 45', chair: 'đồng chí Bí thư Thành ủy và đồng chí Phó Bí thư Thành ủy' });
    expect(p.schedule[4]).toMatchObject({ time: '14 giờ', chair: 'đồng chí Bí thư Thành ủy', place: 'phòng họp số 3 UBND thành phố' });
    expect(p.schedule.filter((e) => e.date === '2025-05-13').map((e) => e.time)).toEqual(['7 giờ 30', '7 giờ 30', '13 giờ 30']);
    expect(p.schedule.every((e) => e.span.start.line > 1)).toBe(true);
  });

  it('a weekday heading takes its date from the next line, the year from the title (HĐND Bến Tre)', () => {
    const b = parse(corpus('found/101-bentre-hdnd-lich-lam-viec-tuan-21-2018.txt'));
    expect(b.genre).toBe('schedule');
    expect(b.schedule[0]).toMatchObject({ date: '2018-05-21', chair: 'đ/c Triệu' });
    expect(b.schedule.map((e) => e.date)).not.toContain(null);
  });
});

describe('tasks', () => {
  it('rows of a task table, whatever the genre (Nghị quyết 07/2026/UBTVQH16, Điều 2)', () => {
    const p = parse(corpus('dev/019-ubtvqh-nq07-2026-dieu-chinh-chuong-trinh-lap-phap-github.txt'));
    expect(p.tasks.map((t) => [t.text, t.lead, t.deadline?.raw, t.span.start.line])).toEqual([
      ['Luật An ninh dữ liệu', ['Chính phủ', 'Ủy ban Quốc phòng, An ninh và Đối ngoại của Quốc hội'], 'Phiên họp tháng 9/2026', 82],
      ['Luật Đất đai (sửa đổi)', ['Chính phủ', 'Ủy ban Kinh tế'], 'Phiên họp tháng 10/2026', 83],
    ]);
    const table = p.outline.flatMap(function all(n): typeof p.outline {
      return [n, ...n.children.flatMap(all)];
    }).find((n) => n.kind === 'table')!;
    expect(table.children).toHaveLength(3);
    expect(table.children[1]!.children.map((c) => c.text)).toEqual([
      '1',
      'Luật An ninh dữ liệu',
      'Chính phủ',
      'Ủy ban Quốc phòng, An ninh và Đối ngoại của Quốc hội',
      'Dân tộc, Ủy ban Kinh tế và các Ủy ban khác',
      'Phiên họp tháng 9/2026',
    ]);
    expect(table.children[1]!.children[1]!.span).toEqual({ start: { line: 82, column: 7 }, end: { line: 82, column: 27 } });
  });

  it('in running text: "X phối hợp với Y", a dated task is its subject’s (Bộ Tài chính, QĐ 2438/QĐ-BTC)', () => {
    const p = parse(corpus('found/207-btc-qd2438-2022-ctrhd-cai-cach-thue-2030-ocr.txt'));
    expect(p.genre).toBe('action-programme');
    expect(p.tasks.map((t) => [t.span.start.line, t.lead, t.partners, t.deadline?.raw ?? null])).toEqual([
      [117, ['Tổng cục Thuế'], ['các cơ quan thông tấn báo chí'], null],
      [123, ['Thủ trưởng các đơn vị thuộc, trực thuộc Bộ Tài chính'], [], 'trước ngày 15 tháng 11'],
      [132, ['Tổng cục Thuế'], [], 'chậm nhất là ngày 20 tháng 12'],
    ]);
    expect(p.outline.flatMap(function all(n): string[] {
      return [...(n.role === 'task' ? [n.label ?? ''] : []), ...n.children.flatMap(all)];
    })).toEqual(['1.', '2.', '3.']);
  });

  it('"Cơ quan chủ trì: …; Cơ quan phối hợp: …; Thời gian hoàn thành: Quý II/2025" under an item', () => {
    const text = [
      'KẾ HOẠCH',
      'thực hiện Nghị quyết số 57-NQ/TW',
      'I. NHIỆM VỤ',
      '1. Xây dựng đề án chuyển đổi số của tỉnh.',
      '- Cơ quan chủ trì: Sở Khoa học và Công nghệ.',
      '- Cơ quan phối hợp: Sở Tài chính; Sở Nội vụ.',
      '- Thời gian hoàn thành: Quý II/2025.',
      '2. Rà soát thủ tục hành chính, hoàn thành trước ngày 30/6/2025.',
    ].join('\n');
    const p = parse(text);
    expect(p.genre).toBe('plan');
    expect(p.tasks).toEqual([
      {
        text: 'Xây dựng đề án chuyển đổi số của tỉnh.',
        lead: ['Sở Khoa học và Công nghệ'],
        partners: ['Sở Tài chính', 'Sở Nội vụ'],
        deadline: { raw: 'Quý II/2025', date: null, quarter: 2, year: 2025 },
        span: { start: { line: 4, column: 1 }, end: { line: 4, column: 42 } },
      },
      {
        text: 'Rà soát thủ tục hành chính, hoàn thành trước ngày 30/6/2025.',
        lead: [],
        partners: [],
        deadline: { raw: 'trước ngày 30/6/2025', date: '2025-06-30', quarter: null, year: 2025 },
        span: { start: { line: 8, column: 1 }, end: { line: 8, column: 64 } },
      },
    ]);
  });
});

describe('the cases issue #10 names', () => {
  it('"CHƯƠNG TRÌNH HÀNH ĐỘNG / thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 …" keeps its second line as the title', () => {
    const p = parse('CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.');
    expect(p.header).toMatchObject({ docType: 'CHƯƠNG TRÌNH HÀNH ĐỘNG', place: null, date: null });
    expect(p.header.title).toBe('thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ');
    expect(p.genre).toBe('action-programme');
  });

  it('citations in the title are read, first, with their spans (001: "Thực hiện Chỉ thị 13-CT/TW của Ban Bí thư …")', () => {
    const text = corpus('dev/001-hue-tinh-uy-ctr27-chi-thi-13-rung.txt');
    const p = parse(text);
    const first = p.citations[0]!;
    expect(first).toMatchObject({ kind: 'Chỉ thị', id: '13-CT/TW', issuedBy: 'Ban Bí thư', line: 13 });
    expect(normalizedText(text).slice(first.span.start, first.span.end)).toBe(first.raw);
    const p2 = parse('CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ\nI. MỤC ĐÍCH, YÊU CẦU');
    expect(p2.citations.map((c) => [c.id, c.date, c.issuedBy, c.line])).toEqual([['57-NQ/TW', '2024-12-22', 'Bộ Chính trị', 2]]);
  });

  it('"Thực hiện Chỉ thị 13-CT/TW, ngày 12/01/2017 của Ban Bí thư …" is the preamble, not the place and date (001)', () => {
    const p = parse(corpus('dev/001-hue-tinh-uy-ctr27-chi-thi-13-rung.txt'));
    expect(p.header.place).toBeNull();
    expect(p.header.date).toBeNull();
    expect(p.outline.find((n) => n.kind === 'paragraph' && n.text?.startsWith('Thực hiện Chỉ thị 13-CT/TW, ngày 12/01/2017'))?.span.start.line).toBe(19);
  });

  it('a "PHỤ LỤC" after the signature is body again, with its items; the signer keeps his position', () => {
    const text = [
      'TỈNH ỦY HẬU GIANG',
      'Số 27-CTr/TU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Hậu Giang, ngày 12 tháng 1 năm 2024',
      'KẾ HOẠCH',
      'tổ chức kỷ niệm 95 năm Ngày thành lập Đảng',
      'I. MỤC ĐÍCH',
      '1. Giáo dục truyền thống.',
      'Nơi nhận:',
      '- Các huyện ủy,',
      '- Lưu VPTU.',
      'T/M BAN THƯỜNG VỤ',
      'PHÓ BÍ THƯ',
      'Nguyễn Văn A',
      'PHỤ LỤC',
      'PHÂN CÔNG NHIỆM VỤ',
      '1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các sở, ngành tổ chức hội thảo, hoàn thành trước ngày 30/1/2024.',
      '2. Sở Văn hóa tổ chức triển lãm.',
    ].join('\n');
    const p = parse(text);
    expect(p.signature).toEqual({ authority: 'T/M', body: 'BAN THƯỜNG VỤ', position: 'PHÓ BÍ THƯ', name: 'Nguyễn Văn A' });
    expect(p.recipients).toEqual(['Các huyện ủy', 'Lưu VPTU']);
    const appendix = p.outline.find((n) => n.heading === 'PHỤ LỤC')!;
    expect(appendix.span.start.line).toBe(15);
    expect(p.tasks).toEqual([
      expect.objectContaining({ lead: ['Ban Tuyên giáo Tỉnh ủy'], partners: ['các sở, ngành'], deadline: expect.objectContaining({ date: '2024-01-30' }) }),
    ]);
    expect(accountLines(p, normalizedText(text))).toEqual({ lost: [], twice: [] });
  });

  it('site chrome, "|" cells, the State heading and motto, a YAML block do not end the header early (007, 019)', () => {
    expect(parse(corpus('dev/007-ninh-binh-ubnd-kh130-2022-giam-sat-giam-ngheo.txt')).header).toMatchObject({
      issuer: 'ỦY BAN NHÂN DÂN',
      number: expect.objectContaining({ id: '130/KH-UBND' }),
      place: 'Ninh Bình',
      date: { raw: 'ngày 13 tháng 7 năm 2022', year: 2022, month: 7, day: 13 },
    });
    const r = parse(corpus('dev/019-ubtvqh-nq07-2026-dieu-chinh-chuong-trinh-lap-phap-github.txt'));
    expect(r.header).toMatchObject({
      issuer: 'ỦY BAN THƯỜNG VỤ QUỐC HỘI',
      number: expect.objectContaining({ id: '07/2026/UBTVQH16' }),
      docType: 'NGHỊ QUYẾT',
      title: 'Điều chỉnh Chương trình lập pháp năm 2026',
    });
    // The front matter and the site's metadata table are residue, each run with its diagnostic.
    expect(r.residue[0]!.span.start.line).toBe(1);
    expect(r.diagnostics.filter((d) => d.code === 'unclassified-text').map((d) => d.line)).toEqual(r.residue.map((x) => x.span.start.line));
  });

  it('the Party heading inside a title is words of the title (005); an issuer run into the State heading is split (207)', () => {
    expect(parse(corpus('dev/005-vinh-phuc-ubnd-kh-ky-niem-90-nam-dang.txt')).header).toMatchObject({
      docType: 'KẾ HOẠCH',
      title: 'TỔ CHỨC KỶ NIỆM 90 NĂM NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT NAM (3/2/1930 – 3/2/2020), 70 NĂM NGÀY THÀNH LẬP TỈNH VĨNH PHÚC (12/2/1950 – 12/2/2020)',
      partyHeading: null,
    });
    expect(parse(corpus('found/207-btc-qd2438-2022-ctrhd-cai-cach-thue-2030-ocr.txt')).header).toMatchObject({
      issuer: 'BỘ TÀI CHÍNH',
      docType: 'CHUONG TRÌNH HÀNH ĐỘNG',
      title: 'TRIEN KHAI THỰC HIỆN CHIẾN LƯỢC CẢI CÁCH HE THONG THUÊ DEN NĂM 2030',
    });
  });

  it('a document with no header says so, and the rules that read the header stay quiet', () => {
    const p = parse('một đoạn văn bản không có phần đầu\n- và một gạch đầu dòng');
    expect(p.diagnostics.map((d) => d.code)).toEqual(['header-not-found', 'genre-unknown']);
    expect(p.genre).toBe('unknown');
  });
});

describe('genres are data', () => {
  it('a new genre is a file in grammars/genres/: detected, with its roles, without engine code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-genres-'));
    cpSync(fileURLToPath(new URL('../../grammars/genres/', import.meta.url)), dir, { recursive: true });
    writeFileSync(
      join(dir, 'minutes.json'),
      JSON.stringify({
        genre: 'minutes',
        priority: 5,
        name: { vi: 'Biên bản', en: 'minutes' },
        detect: [{ docTypes: ['Biên bản'] }],
        docTypes: ['Biên bản'],
        roles: [{ role: 'agenda-item', styles: ['arabic'] }],
        projects: [],
        rules: ['unbalanced-quotes'],
      }),
    );
    const matchers = compile(loadGrammar({ genres: dir }));
    const text = 'BIÊN BẢN\nHọp Ban Thường vụ Tỉnh ủy\n1. Thông qua chương trình.\n2. Cho ý kiến dự thảo.';
    const p = parse(text, { matchers });
    expect(p.genre).toBe('minutes');
    expect(p.outline.map((n) => [n.label, n.role])).toEqual([
      ['1.', 'agenda-item'],
      ['2.', 'agenda-item'],
    ]);
    expect(parse(text).genre).toBe('other');
  });

  it('a genre file that breaks the schema fails loudly at load time, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-genres-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ genre: 'bad', priority: 1, name: { vi: 'x', en: 'x' }, detect: [], docTypes: [], roles: [], projects: [], rules: 'all' }));
    expect(() => loadGrammar({ genres: dir })).toThrow(/bad\.json: detect/);
  });
});

describe('grammar files the build has checked (dist/grammar-checked.json)', () => {
  // A copy of the built grammar loader with the shipped grammar files beside it (build first).
  const root = fileURLToPath(new URL('../../', import.meta.url));
  function builtCopy(): string {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-digests-'));
    cpSync(join(root, 'dist/grammar'), join(dir, 'dist/grammar'), { recursive: true });
    cpSync(join(root, 'dist/grammar-checked.json'), join(dir, 'dist/grammar-checked.json'));
    cpSync(join(root, 'grammars'), join(dir, 'grammars'), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    return dir;
  }
  const load = (dir: string) =>
    spawnSync(process.execPath, ['--input-type=module', '-e', `import { defaultGrammar } from ${JSON.stringify(join(dir, 'dist/grammar/load.js'))}; console.log(defaultGrammar().genres.length);`], { encoding: 'utf8' });

  it("records every shipped grammar file with the sha256 of its bytes and zod's reading of it, defaults filled in", () => {
    const recorded = JSON.parse(readFileSync(join(root, 'dist/grammar-checked.json'), 'utf8')) as Record<string, { sha256: string; data: unknown }>;
    const files = [...readdirSync(join(root, 'grammars')).filter((f) => f.endsWith('.json')), ...readdirSync(join(root, 'grammars/genres')).map((f) => `genres/${f}`)];
    expect(Object.keys(recorded).sort()).toEqual(files.sort());
    for (const f of files) expect(recorded[f]!.sha256).toBe(createHash('sha256').update(readFileSync(join(root, 'grammars', f))).digest('hex'));
    // The grammar the built code loads is the one the sources load by checking every file.
    const built = spawnSync(process.execPath, ['--input-type=module', '-e', `import { defaultGrammar } from ${JSON.stringify(join(root, 'dist/grammar/load.js'))}; process.stdout.write(JSON.stringify(defaultGrammar()));`], { encoding: 'utf8' });
    expect(built.stdout).toBe(JSON.stringify(loadGrammar()));
  });

  it('still checks a shipped file whose bytes changed after the build, and a file the build never saw', () => {
    const edited = builtCopy();
    expect(load(edited).stdout.trim()).toBe(String(readdirSync(join(root, 'grammars/genres')).length));
    const checks = join(edited, 'grammars/checks.json');
    writeFileSync(checks, JSON.stringify({ ...JSON.parse(readFileSync(checks, 'utf8')), anniversary: 'every year' }));
    expect(load(edited)).toMatchObject({ status: 1, stderr: expect.stringMatching(/grammar .*checks\.json: anniversary/) });

    const added = builtCopy();
    writeFileSync(join(added, 'grammars/genres/bad.json'), JSON.stringify({ genre: 'bad', priority: 1, name: { vi: 'x', en: 'x' }, detect: [], docTypes: [], roles: [], projects: [], rules: 'all' }));
    expect(load(added)).toMatchObject({ status: 1, stderr: expect.stringMatching(/bad\.json: detect/) });
  });
});

describe('web copies that cut a header table into lines (thuviennhadat.vn, QĐ 1528/QĐ-UBND Bình Định)', () => {
  // The first 22 lines of https://thuviennhadat.vn/vbpl/quyet-dinh-1528-qd-ubnd-2021-thuc-hien-chuong-trinh-phat-trien-cong-tac-xa-hoi-binh-dinh-475208.html
  const text = ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH", "-------", "|", "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------", "|", "Số: 1528/QĐ-UBND", "|", "Bình Định, ngày", "29 tháng 04 năm 2021", "|", "QUYẾT ĐỊNH", "BAN HÀNH KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH PHÁT TRIỂN CÔNG TÁC", "XÃ HỘI TRÊN ĐỊA BÀN TỈNH BÌNH ĐỊNH GIAI ĐOẠN 2021 - 2025", "ỦY BAN NHÂN DÂN TỈNH", "Căn cứ Luật Tổ chức chính", "quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một số điều của Luật tổ", "chức Chính phủ và Luật tổ chức chính quyền địa phương ngày 22/11/2019;", "Căn cứ Quyết định số"].join('\n');

  it('joins the pieces of a cell ("Bình Định, ngày" / "29 tháng 04 năm 2021") and reads the whole header', () => {
    const p = parse(text);
    expect(p.genre).toBe('decision');
    expect(p.header).toMatchObject({
      issuer: 'ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH',
      number: expect.objectContaining({ id: '1528/QĐ-UBND' }),
      place: 'Bình Định',
      date: expect.objectContaining({ year: 2021, month: 4, day: 29 }),
      docType: 'QUYẾT ĐỊNH',
      title: 'BAN HÀNH KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH PHÁT TRIỂN CÔNG TÁC XÃ HỘI TRÊN ĐỊA BÀN TỈNH BÌNH ĐỊNH GIAI ĐOẠN 2021 - 2025',
    });
    expect(p.header.at.date).toEqual({ line: 12, column: 12 });
    expect(p.residue).toEqual([]);
    expect(accountLines(p, normalizedText(text))).toEqual({ lost: [], twice: [] });
  });

  it('the authority line above the preamble is neither title nor body text glued to it', () => {
    const p = parse(text);
    expect(p.outline[0]).toMatchObject({ kind: 'paragraph', text: 'ỦY BAN NHÂN DÂN TỈNH' });
  });

  it('a number a line breaks before ("Tờ trình số" / "42/TTr-VPUB …") is no label; "QUYẾT ĐỊNH:" after "…," stands alone (QĐ 2862 Sơn La)', () => {
    const p = parse(['QUYẾT ĐỊNH', 'VỀ VIỆC BAN HÀNH QUY CHẾ', 'Theo đề nghị tại Tờ trình số', '42/TTr-VPUB ngày 06/11/2018 của Chánh Văn phòng', 'Ủy ban nhân dân tỉnh,', 'QUYẾT ĐỊNH:', 'Điều 1. Ban hành kèm theo Quyết định này Quy chế.'].join('\n'));
    expect(p.outline.map((n) => [n.kind, n.label, n.heading ?? n.text])).toEqual([
      ['paragraph', null, 'Theo đề nghị tại Tờ trình số 42/TTr-VPUB ngày 06/11/2018 của Chánh Văn phòng Ủy ban nhân dân tỉnh,'],
      ['paragraph', null, 'QUYẾT ĐỊNH:'],
      ['heading', 'Điều 1.', 'Ban hành kèm theo Quyết định này Quy chế.'],
    ]);
  });
});

describe('lists announced by an article; who does not chair', () => {
  it('"Điều 1. Thông qua … như sau:" holds the sections under it (NQ 11/2011/NQ-HĐND Tiền Giang, luatminhkhue.vn)', () => {
    const p = parse(['NGHỊ QUYẾT', 'VỀ KẾ HOẠCH NĂM 2012', ..."QUYẾT NGHỊ:", "", "Điều 1. Thông qua Kế hoạch phát triển kinhtế - xã hội tỉnh Tiền Giang năm 2012, với những nội dung chính như sau:", "", "I. MỤC TIÊU VÀ CÁC CHỈ TIÊU CHỦ YẾU NĂM 2012", '1. Mục tiêu', 'Tiếp tục thực hiện các giải pháp.', 'Điều 2. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện.'].join('\n'));
    expect(p.outline.filter((n) => n.label).map((n) => [n.label, n.children.filter((c) => c.label).map((c) => c.label)])).toEqual([
      ['Điều 1.', ['I.']],
      ['Điều 2.', []],
    ]);
  });

  it('"(LĐVP: Đ/c Chiến)" names the office leader who goes along, not who chairs (UBND Châu Thành)', () => {
    const p = parse(corpus('found/103-chau-thanh-hau-giang-ubnd-lich-thu-hai-27-5.txt'));
    expect(p.schedule[1]).toMatchObject({ time: '13 giờ 30’', chair: null, place: 'Hội trường II - UBND huyện' });
  });
});

describe('pages that repeat their title or print when they were posted (tuyengiaokontum.vn, HD 118-HD/BTGTW)', () => {
  const text = [
    'HƯỚNG DẪN TUYÊN TRUYỀN KỶ NIỆM CÁC NGÀY LỄ LỚN VÀ SỰ KIỆN LỊCH SỬ QUAN TRỌNG TRONG NĂM 2020 ',
    '',
    'HƯỚNG DẪN TUYÊN TRUYỀN KỶ NIỆM CÁC NGÀY LỄ LỚN VÀ SỰ KIỆN LỊCH SỬ QUAN TRỌNG TRONG NĂM 2020',
    '',
    'Thứ năm - 09/01/2020 09:32',
    'I. MỤC ĐÍCH, YÊU CẦU',
  ].join('\n');

  it('the title printed twice is read once; a post time is no weekday heading', () => {
    const p = parse(text);
    expect(p.header).toMatchObject({ docType: 'HƯỚNG DẪN', title: 'TUYÊN TRUYỀN KỶ NIỆM CÁC NGÀY LỄ LỚN VÀ SỰ KIỆN LỊCH SỬ QUAN TRỌNG TRONG NĂM 2020' });
    expect(p.genre).toBe('guidance');
    expect(p.outline.map((n) => [n.kind, n.role, n.label])).toEqual([
      ['paragraph', null, null],
      ['paragraph', null, null],
      ['heading', 'section', 'I.'],
    ]);
  });
});

describe('running text that starts like a type line is no header (shared/corpus citation rows C083, C092, C099)', () => {
  it('"Nghị quyết 26 …", a wrapped "… trong / Nghị quyết Trung ương 5 (Khoá VIII). Lấy …", a lower-case "hướng dẫn …"', () => {
    const rows = [
      'Nghị quyết 26 Trung ương 7 khoá X là một nghị quyết toàn diện về nông nghiệp, nông dân, nông thôn',
      'Phân tích tóm tắt quan điểm về xây dựng, phát triển văn hoá được nêu trong\nNghị quyết Trung ương 5 (Khoá VIII). Lấy ví dụ để chứng minh việc vận dụng\nmột trong các quan điểm trên ở địa phương',
      'Căn cứ Thông tư số 01/2018/TTVPCP ngày 23 tháng 11 năm 2018 của Văn phòng Chính phủ \nhướng dẫn thi hành một số quy định của Nghị định số 61/2018/NĐCP ngày 23 tháng 4 năm 2018',
    ];
    for (const row of rows) {
      const p = parse(row);
      expect(p.header.docType).toBeNull();
      expect(p.citations.length).toBeGreaterThan(0);
    }
  });
});

describe('short mentions point to the citation they repeat (issue #11, resolution)', () => {
  it('"Nghị quyết số 57" in the headline of Ban Thường vụ Tỉnh ủy’s action programme is the 57-NQ/TW the text cites in full', () => {
    const p = parse(corpus('found/105-btv-tinh-uy-ctrhd-nq57-2024-baomoi.txt'));
    const mention = p.citations[0]!;
    expect(mention).toMatchObject({ raw: 'Nghị quyết số 57', form: 'number-only', id: null });
    expect(p.citations[mention.refersTo!]).toMatchObject({ id: '57-NQ/TW', date: '2024-12-22', issuedBy: 'Bộ Chính trị' });
    // A full citation refers to nothing; a bare repeat of its id ("Nghị quyết số 57-NQ/TW") to the nearest full one.
    const full = p.citations.filter((c) => c.id !== null && c.dateText !== null);
    expect(full.length).toBe(2);
    expect(full.every((c) => c.refersTo === null)).toBe(true);
    const repeats = p.citations.filter((c) => c.id !== null && c.dateText === null && c.issuedBy === null);
    expect(repeats.length).toBe(5);
    expect(repeats.every((c) => p.citations[c.refersTo!] === full[1])).toBe(true);
  });

  it('a later mention takes the nearest earlier full citation; an unmatched number refers to nothing', () => {
    const p = parse('Thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Chương trình hành động thực hiện Nghị quyết số 57 và Chỉ thị số 35 của Bộ Chính trị như sau:');
    expect(p.citations.map((c) => [c.raw, c.refersTo])).toEqual([
      ['Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị', null],
      ['Nghị quyết số 57', 0],
      ['Chỉ thị số 35 của Bộ Chính trị', null],
    ]);
  });
});
