// Why the service refused a request, in Vietnamese and English: the words of a problem's detail
// (problem.ts puts them in their sentence). Kept as data, as web/messages.ts keeps the page's words:
// the service's own reasons by name, and the readers' reasons (src/ingest and the worker pool,
// written in English for the command line) by their shape, each with its Vietnamese.

import type { Lang } from './problem.js';

/** A reason in each language; a problem's detail is made from the one the client asked for. */
export type Said = Record<Lang, string>;

/** Words that read the same in both languages: a route, a flag, a size. */
export const neutral = (text: string): Said => ({ vi: text, en: text });

const quoted = (names: readonly string[], and: string) => names.map((n) => `"${n}"`).join(` ${and} `);

/** The service's own reasons, by name; the English is what the API has always answered. */
export const REASONS = {
  malformedRequest: {
    vi: () => 'yêu cầu HTTP sai cú pháp',
    en: () => 'malformed HTTP request',
  },
  tooLarge: {
    // In the sentence "Tệp vượt quá giới hạn …" (problem.ts).
    vi: (limit: string) => `${limit} (--max-size)`,
    en: (limit: string) => `the file exceeds the ${limit} limit (--max-size)`,
  },
  /** A refusal of fastify or its multipart plugin that vanban has no words of its own for. */
  httpRefusal: {
    vi: (code: string) => `máy chủ web từ chối yêu cầu (${code})`,
    en: (_code: string, message: string) => message,
  },
  notMultipart: {
    vi: () => 'yêu cầu không phải multipart/form-data',
    en: (message: string) => message,
  },
  tooManyParts: {
    vi: () => 'yêu cầu có nhiều phần, tệp hoặc trường hơn tuyến này nhận',
    en: (message: string) => message,
  },
  malformedMultipart: {
    vi: () => 'nội dung multipart/form-data của yêu cầu sai cú pháp hoặc bị cắt cụt',
    en: (message: string) => `malformed multipart/form-data: ${message}`,
  },
  busy: {
    vi: (capacity: number, workers: number, queue: number) => `${capacity} yêu cầu cùng lúc: --workers ${workers}, --queue ${queue}`,
    en: (capacity: number, workers: number, queue: number) => `${capacity} requests at a time: --workers ${workers}, --queue ${queue}`,
  },
  oneOf: {
    vi: (name: string, allowed: readonly string[], given: string) => `${name} phải là ${allowed.join(', ')}, không phải "${given}"`,
    en: (name: string, allowed: readonly string[], given: string) => `${name} must be ${allowed.join(', ')}, not "${given}"`,
  },
  trueOrFalse: {
    vi: (name: string, given: string) => `${name} phải là true hoặc false, không phải "${given}"`,
    en: (name: string, given: string) => `${name} must be true or false, not "${given}"`,
  },
  wholeNumber: {
    vi: (name: string, least: number, most: number, given: string) => `${name} phải là số nguyên từ ${least} đến ${most}, không phải "${given}"`,
    en: (name: string, least: number, most: number, given: string) => `${name} must be a whole number from ${least} to ${most}, not "${given}"`,
  },
  year: {
    vi: (given: string) => `year phải là một năm, chẳng hạn 2026, không phải "${given}"`,
    en: (given: string) => `year must be a year such as 2026, not "${given}"`,
  },
  once: {
    vi: (name: string) => `${name} chỉ được cho một lần`,
    en: (name: string) => `${name} must be given once`,
  },
  missing: {
    vi: (name: string) => `thiếu ${name}`,
    en: (name: string) => `${name} is missing`,
  },
  filesAsMultipart: {
    vi: (fields: readonly string[]) => `hãy gửi các tệp trong các trường multipart/form-data ${fields.join(' và ')}`,
    en: (fields: readonly string[]) => `send the files as multipart/form-data fields ${fields.join(' and ')}`,
  },
  noFile: {
    vi: (field: string) => `không có tệp: hãy gửi tệp trong trường multipart "${field}" hoặc làm nội dung (body) của yêu cầu`,
    en: (field: string) => `no file: send it as the multipart field "${field}" or as the request body`,
  },
  unexpectedField: {
    vi: (field: string, fields: readonly string[]) => `trường tệp "${field}" không dùng ở đây; cần ${fields.length > 1 ? 'các trường' : 'trường'} ${quoted(fields, 'và')}`,
    en: (field: string, fields: readonly string[]) => `unexpected file field "${field}"; expected ${quoted(fields, 'and')}`,
  },
  missingFields: {
    vi: (fields: readonly string[]) => `thiếu ${fields.length > 1 ? 'các trường' : 'trường'} multipart ${quoted(fields, 'và')}`,
    en: (fields: readonly string[]) => `missing multipart field${fields.length > 1 ? 's' : ''} ${quoted(fields, 'and')}`,
  },
  notAFormat: {
    vi: (name: string, extension: string) => `${name}: ${extension} không phải định dạng vanban đọc được`,
    en: (name: string, extension: string) => `${name}: ${extension} is not a format vanban reads`,
  },
} satisfies Record<string, Record<Lang, (...args: never[]) => string>>;

type Reasons = typeof REASONS;

/** One of the service's reasons, in both languages. */
export function said<K extends keyof Reasons>(key: K, ...args: Parameters<Reasons[K]['en']>): Said {
  const words = REASONS[key] as unknown as Record<Lang, (...a: typeof args) => string>;
  return { vi: words.vi(...args), en: words.en(...args) };
}

/**
 * A reason's English with "{}" where a value goes (a part of the zip, a number, a size, a name),
 * and its Vietnamese made of those values. Shapes, not regular expressions: a reason may hold what
 * a client sent (a ?rule= value, a name inside a zip), and matching a shape is one pass (partsOf).
 */
type Shape = readonly [english: string, vi: (...parts: string[]) => string];

/**
 * What a reader or the worker pool says of a file (src/ingest, src/batch/pool.ts, src/check's
 * --rule), in Vietnamese: the first shape that matches. The values are kept as they are; the words
 * in "corrupt .doc(x) (…)" are looked up in DAMAGE. test/serve/reasons.test.ts checks that every
 * reason the sources write has a shape here.
 */
export const READER_REASONS: readonly Shape[] = [
  // Every reader
  ['the file is empty', () => 'tệp rỗng'],
  ['encrypted document (password protected)', () => 'văn bản đã được mã hóa (có mật khẩu)'],
  ['too many lines (over {}): not a document vanban can read', (n) => `quá nhiều dòng (hơn ${n}): không phải văn bản vanban đọc được`],
  ['too many paragraphs (over {})', (n) => `quá nhiều đoạn văn (hơn ${n})`],
  ['too much text (over {} MB of characters)', (n) => `quá nhiều chữ (hơn ${n} MB ký tự)`],
  ['too much text in text boxes (over {} MB of characters)', (n) => `quá nhiều chữ trong các hộp văn bản (hơn ${n} MB ký tự)`],
  // A file read from disk (the command line's; the service reads none, but says them alike)
  ['is a directory, not a file', () => 'là thư mục, không phải tệp'],
  ['not a regular file ({})', (kind) => `không phải tệp thông thường (${kind})`],
  ['too large: {} exceeds the {} limit (--max-size)', (size, limit) => `quá lớn: ${size} vượt giới hạn ${limit} (--max-size)`],
  ['too large: more than the {} limit (--max-size)', (limit) => `quá lớn: hơn giới hạn ${limit} (--max-size)`],
  // .txt, .md, .html
  ['not a text file (binary data)', () => 'không phải tệp văn bản (dữ liệu nhị phân)'],
  ['not an HTML file (binary data)', () => 'không phải tệp HTML (dữ liệu nhị phân)'],
  ['HTML nested too deeply to read', () => 'HTML lồng nhau quá sâu, không đọc được'],
  // .docx: the zip
  ['corrupt .docx ({})', (why) => `tệp .docx bị hỏng (${damage(why)})`],
  ['not a .docx (not a zip archive)', () => 'không phải tệp .docx (không phải tệp nén zip)'],
  ['not a .docx (an OLE2 file, not a zip archive)', () => 'không phải tệp .docx (tệp OLE2, không phải tệp nén zip)'],
  ['not a .docx (an OpenDocument file)', () => 'không phải tệp .docx (tệp OpenDocument)'],
  ['not a .docx (an Excel workbook)', () => 'không phải tệp .docx (bảng tính Excel)'],
  ['not a .docx (a PowerPoint presentation)', () => 'không phải tệp .docx (bài trình chiếu PowerPoint)'],
  ['a .doc file renamed .docx', () => 'tệp .doc bị đổi tên thành .docx'],
  ['unsupported .docx (zip64 archive)', () => 'tệp .docx không được hỗ trợ (tệp nén zip64)'],
  ['unsupported .docx (split zip archive)', () => 'tệp .docx không được hỗ trợ (tệp nén chia nhiều phần)'],
  ['unsupported .docx (compression method {} in {})', (method, part) => `tệp .docx không được hỗ trợ (kiểu nén ${method} trong ${part})`],
  ['too many zip entries ({}, the limit is {})', (n, limit) => `tệp nén có quá nhiều mục (${n}, giới hạn là ${limit})`],
  ['zip bomb: declared uncompressed size {} exceeds the {} limit', (size, limit) => `bom zip: kích thước khi giải nén được khai báo là ${size}, vượt giới hạn ${limit}`],
  ['zip bomb: more than {} inflated', (limit) => `bom zip: giải nén ra hơn ${limit}`],
  ['zip bomb: {} inflates far beyond its declared size', (part) => `bom zip: ${part} giải nén ra lớn hơn nhiều so với kích thước khai báo`],
  ['zip bomb: {} deflates {} to 1', (part, ratio) => `bom zip: ${part} nén với tỉ lệ ${ratio} trên 1`],
  ['missing {}', (part) => `thiếu ${part}`],
  // .docx: its XML
  ['{} is too large ({}; the limit is {})', (part, size, limit) => `${part} quá lớn (${size}; giới hạn là ${limit})`],
  ['unsafe XML in {} (DOCTYPE/entity declarations are not allowed)', (part) => `XML không an toàn trong ${part} (không cho phép khai báo DOCTYPE/entity)`],
  ['too many attributes on one XML element in {} (over {})', (part, n) => `quá nhiều thuộc tính trên một phần tử XML trong ${part} (hơn ${n})`],
  ['too many XML elements (over {} in the file, reached in {})', (n, part) => `quá nhiều phần tử XML (hơn ${n} trong tệp, vượt ở ${part})`],
  ['XML nested too deeply in {} (over {} levels)', (part, n) => `XML lồng nhau quá sâu trong ${part} (hơn ${n} cấp)`],
  // .doc
  ['corrupt .doc ({})', (why) => `tệp .doc bị hỏng (${damage(why)})`],
  ['not a Word 97-2003 .doc (a zip archive: a .docx renamed .doc?)', () => 'không phải tệp .doc Word 97-2003 (tệp nén zip: tệp .docx bị đổi tên thành .doc?)'],
  ['not a Word 97-2003 .doc (no OLE2 header)', () => 'không phải tệp .doc Word 97-2003 (không có phần đầu OLE2)'],
  ['not a Word 97-2003 .doc (an OLE2 file without a WordDocument stream)', () => 'không phải tệp .doc Word 97-2003 (tệp OLE2 không có luồng WordDocument)'],
  ['a Word 6/95 file: only Word 97 and later .doc files are read (open it in Word and save it again)', () => 'tệp Word 6/95: chỉ đọc được tệp .doc từ Word 97 trở đi (hãy mở tệp bằng Word và lưu lại)'],
  ['too many runs of formatting (over {})', (n) => `quá nhiều đoạn định dạng (hơn ${n})`],
  // The worker pool
  ['timed out after {} s (--timeout)', (s) => `đọc tệp quá ${s} giây cho phép (--timeout)`],
  ['out of memory: over the {} MB a worker may use (--max-memory)', (mb) => `hết bộ nhớ: vượt quá ${mb} MB mỗi tiến trình đọc được dùng (--max-memory)`],
  ['worker crashed: {}', (why) => `tiến trình đọc tệp bị lỗi (${why})`],
  ['worker exited with code {}', (code) => `tiến trình đọc tệp dừng với mã ${code}`],
  // ?rule= (src/check's words for --rule)
  ['--rule: "{}" is not CODE=off|info|warning|error', (setting) => `rule: "${setting}" không có dạng CODE=off|info|warning|error`],
  ['--rule: unknown rule "{}" (vanban lint --help lists them)', (code) => `rule: không có quy tắc "${code}" (xem danh sách trong vanban lint --help)`],
  ['--rule {}: level must be off, info, warning or error, not "{}"', (code, level) => `rule ${code}: mức phải là off, info, warning hoặc error, không phải "${level}"`],
];

/** The words inside "corrupt .docx (…)" and "corrupt .doc (…)". */
const DAMAGE: readonly Shape[] = [
  // The zip of a .docx
  ['truncated zip', () => 'tệp nén zip bị cắt cụt'],
  ['bad zip central directory', () => 'danh mục trung tâm của tệp zip bị hỏng'],
  ['bad zip entry {}', (part) => `mục ${part} của tệp zip bị hỏng`],
  ['duplicate zip entry {}', (part) => `mục ${part} của tệp zip bị lặp`],
  ['bad compressed data in {}', (part) => `dữ liệu nén trong ${part} bị hỏng`],
  ['checksum mismatch in {}', (part) => `sai mã kiểm tra (checksum) trong ${part}`],
  ['no w:body in {}', (part) => `không có w:body trong ${part}`],
  ['mammoth: {}', (why) => `mammoth không đọc được: ${why}`],
  ['malformed XML in {}: {}', (part, why) => `XML sai cú pháp trong ${part}: ${xmlFault(why)}`],
  // The OLE2 container of a .doc
  ['damaged OLE2 container', () => 'vỏ OLE2 bị hỏng'],
  ['damaged OLE2 container: {}', (why) => `vỏ OLE2 bị hỏng (${why})`],
  ['truncated or damaged', () => 'bị cắt cụt hoặc hư hỏng'],
  ['unknown OLE2 version or sector size', () => 'không rõ phiên bản OLE2 hoặc cỡ sector'],
  ['the sector table chain loops or points outside the file', () => 'chuỗi bảng sector lặp vòng hoặc trỏ ra ngoài tệp'],
  ['the sector table points outside the file', () => 'bảng sector trỏ ra ngoài tệp'],
  ['a sector chain points outside the file (truncated?)', () => 'một chuỗi sector trỏ ra ngoài tệp (tệp bị cắt cụt?)'],
  ['two sector chains run into one another', () => 'hai chuỗi sector chạy vào nhau'],
  ['a sector chain loops back on itself', () => 'một chuỗi sector lặp vòng'],
  ['the directory chain loops or points outside the file', () => 'chuỗi danh mục lặp vòng hoặc trỏ ra ngoài tệp'],
  ['more than {} directory entries', (n) => `hơn ${n} mục danh mục`],
  ['a stream starts outside the file (truncated?)', () => 'một luồng bắt đầu ngoài tệp (tệp bị cắt cụt?)'],
  ['two streams share their sectors', () => 'hai luồng dùng chung sector'],
  ['the {} stream ends early or points outside itself', (stream) => `luồng ${stream} kết thúc sớm hoặc trỏ ra ngoài chính nó`],
  ['the {} stream is cut off', (stream) => `luồng ${stream} bị cắt cụt`],
  // The Word structures of a .doc
  ['no Word file information block', () => 'không có khối thông tin tệp Word (FIB)'],
  ['no {} stream', (stream) => `không có luồng ${stream}`],
  ['the character counts exceed the file', () => 'số ký tự vượt quá độ dài tệp'],
  ['a table structure lies past the end of its stream', () => 'một cấu trúc bảng nằm quá cuối luồng của nó'],
  ['no piece table', () => 'không có bảng mảnh (piece table)'],
  ['a negative property block in the piece table', () => 'bảng mảnh có một khối thuộc tính âm'],
  ['the piece table is damaged', () => 'bảng mảnh bị hỏng'],
  ['more than {} pieces in the piece table', (n) => `bảng mảnh có hơn ${n} mảnh`],
  ['the piece table is out of order', () => 'bảng mảnh sai thứ tự'],
  ['a property page table is damaged', () => 'một bảng trang thuộc tính bị hỏng'],
  ['more property pages than the file holds', () => 'số trang thuộc tính nhiều hơn tệp chứa được'],
  ['more than {} property pages', (n) => `hơn ${n} trang thuộc tính`],
  ['a paragraph property page is damaged', () => 'một trang thuộc tính đoạn văn bị hỏng'],
  ['a character property page is damaged', () => 'một trang thuộc tính ký tự bị hỏng'],
  ['the font table is damaged', () => 'bảng phông chữ bị hỏng'],
  ['the style sheet is damaged', () => 'bảng kiểu (style) bị hỏng'],
  ['the list table is damaged', () => 'bảng danh sách bị hỏng'],
  ['the list override table is damaged', () => 'bảng ghi đè danh sách bị hỏng'],
  ['a list override has more than nine levels', () => 'một ghi đè danh sách có hơn chín cấp'],
];

/** The XML reader's words after "malformed XML in PART: ". */
const XML_FAULTS: readonly Shape[] = [
  ['text outside the root element', () => 'có chữ nằm ngoài phần tử gốc'],
  ['unterminated processing instruction', () => 'chỉ thị xử lý không được đóng'],
  ['unterminated comment', () => 'chú thích không được đóng'],
  ['unterminated CDATA', () => 'khối CDATA không được đóng'],
  ['unterminated end tag', () => 'thẻ đóng không kết thúc'],
  ['unterminated start tag', () => 'thẻ mở không kết thúc'],
  ['unterminated attribute', () => 'thuộc tính không được đóng'],
  ['unexpected {}', (tag) => `gặp ${tag} không đúng chỗ`],
  ['{} closes {}', (end, start) => `${end} đóng ${start}`],
  ['bad start tag', () => 'thẻ mở sai'],
  ['attribute without a value', () => 'thuộc tính không có giá trị'],
  ['unquoted attribute', () => 'giá trị thuộc tính không nằm trong dấu nháy'],
  ['"<" in an attribute', () => 'có "<" trong một thuộc tính'],
  ['more than one root element', () => 'có nhiều hơn một phần tử gốc'],
  ['{} is never closed', (tag) => `${tag} không bao giờ được đóng`],
  ['no root element', () => 'không có phần tử gốc'],
  ['bad character reference {}', (ref) => `tham chiếu ký tự sai ${ref}`],
  ['undefined entity {}', (ref) => `thực thể chưa định nghĩa ${ref}`],
];

/**
 * The values of `english` in the places of a shape's "{}" (none empty), or null when it has not
 * the shape's words. Each word between two values is taken where it first occurs: no backtracking.
 */
export function partsOf(shape: string, english: string): string[] | null {
  const words = shape.split('{}');
  if (words.length === 1) return english === shape ? [] : null;
  const first = words[0]!;
  const last = words.at(-1)!;
  const end = english.length - last.length;
  if (!english.startsWith(first) || !english.endsWith(last) || end <= first.length) return null;
  const parts: string[] = [];
  let at = first.length;
  for (const word of words.slice(1, -1)) {
    const found = english.indexOf(word, at + 1);
    if (found < 0) return null;
    parts.push(english.slice(at, found));
    at = found + word.length;
  }
  if (end <= at) return null;
  parts.push(english.slice(at, end));
  return parts;
}

function lookUp(shapes: readonly Shape[], english: string): string | null {
  for (const [shape, vi] of shapes) {
    const parts = partsOf(shape, english);
    if (parts) return vi(...parts);
  }
  return null;
}

const damage = (why: string) => lookUp(DAMAGE, why) ?? why;
const xmlFault = (why: string) => lookUp(XML_FAULTS, why) ?? why;

/** A reader's reason in Vietnamese, or null when it has no shape in READER_REASONS (a new one). */
export function vietnameseReason(english: string): string | null {
  return lookUp(READER_REASONS, english);
}

/**
 * A reader's reason (in English) in both languages, after the file's name when there is one. A
 * reason without Vietnamese words yet stays in English in both, rather than lose what it says.
 */
export function readerSaid(english: string, file: string | null = null): Said {
  const vi = vietnameseReason(english) ?? english;
  const named = (reason: string) => (file ? `${file}: ${reason}` : reason);
  return { vi: named(vi), en: named(english) };
}

/** Whether every part of a reason has Vietnamese words (the tests' check on DAMAGE and XML_FAULTS). */
export function fullyTranslated(english: string): boolean {
  const inner = partsOf('corrupt .docx ({})', english)?.[0] ?? partsOf('corrupt .doc ({})', english)?.[0];
  if (inner === undefined) return vietnameseReason(english) !== null;
  const xml = partsOf('malformed XML in {}: {}', inner)?.[1];
  if (xml !== undefined) return lookUp(XML_FAULTS, xml) !== null;
  return lookUp(DAMAGE, inner) !== null;
}
