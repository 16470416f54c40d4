import { describe, expect, it } from 'vitest';
import { classify } from '../../src/serve/documents.js';
import { negotiateLang } from '../../src/serve/problem.js';
import { bareName, dispositionFilename } from '../../src/serve/upload.js';

describe('what a request names and asks for', () => {
  it('a file name is only its last segment, without control characters; nothing usable is null', () => {
    expect(bareName('../../etc/passwd')).toBe('passwd');
    expect(bareName('C:\\Users\\a\\du-thao.docx')).toBe('du-thao.docx');
    expect(bareName('dự thảo\u0000\n.docx')).toBe('dự thảo.docx');
    for (const nothing of ['', '..', 'a/..', '/', '.', '\u0007', undefined, null]) expect(bareName(nothing)).toBeNull();
  });

  it('Content-Disposition: quoted, bare, and RFC 5987 names (which win)', () => {
    expect(dispositionFilename('attachment; filename="ke hoach.docx"')).toBe('ke hoach.docx');
    expect(dispositionFilename('attachment; filename=ctr.txt')).toBe('ctr.txt');
    expect(dispositionFilename("attachment; filename=\"x.docx\"; filename*=UTF-8''d%E1%BB%B1%20th%E1%BA%A3o.docx")).toBe('dự thảo.docx');
    expect(dispositionFilename("attachment; filename=\"x.docx\"; filename*=UTF-8''%E1%ZZ")).toBe('x.docx');
    expect(dispositionFilename('inline')).toBeUndefined();
    expect(dispositionFilename(undefined)).toBeUndefined();
  });

  it('Accept-Language: the preferred of en and vi by q value, Vietnamese otherwise', () => {
    expect(negotiateLang(undefined)).toBe('vi');
    expect(negotiateLang('en')).toBe('en');
    expect(negotiateLang('en-US,en;q=0.9')).toBe('en');
    expect(negotiateLang('fr, en;q=0.5, vi;q=0.8')).toBe('vi');
    expect(negotiateLang('vi;q=0.1, en;q=0.2')).toBe('en');
    expect(negotiateLang('en;q=0, de')).toBe('vi');
  });

  it("the reader's refusals become 415, 400 or 422", () => {
    expect(classify('not a text file (binary data)')).toBe('unsupported-format');
    expect(classify('not a .docx (an Excel workbook)')).toBe('unsupported-format');
    expect(classify('not a .docx (not a zip archive)')).toBe('unreadable');
    expect(classify('corrupt .docx (truncated zip)')).toBe('unreadable');
    expect(classify('the file is empty')).toBe('unreadable');
    expect(classify('zip bomb: declared uncompressed size 1.5 GB exceeds the 200 MB limit')).toBe('not-a-document');
    expect(classify('encrypted document (password protected)')).toBe('not-a-document');
    expect(classify('internal error: x is undefined')).toBe('internal');
  });
});
