import { z } from 'zod';
import type { Said } from './reasons.js';

export type Lang = 'vi' | 'en';

/** RFC 9457 problem details, as every error of the service is answered (application/problem+json). */
export const Problem = z.object({
    type: z.string().describe('a URI naming the kind of problem (urn:vanban:problem:…)'),
    title: z.string().describe('the kind of problem, in the language Accept-Language asked for (default Vietnamese)'),
    status: z.number().int(),
    detail: z.string().describe('what went wrong with this request, in one line'),
    instance: z.string().describe('this occurrence (urn:uuid:…), also in the request log line'),
});
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

interface Kind {
  status: number;
  title: Record<Lang, string>;
  /** The detail around the reason, given in the same language (reasons.ts). */
  detail: Record<Lang, (reason: string) => string>;
}

/** Every problem the service answers with, by slug. */
export const PROBLEMS = {
  'bad-request': {
    status: 400,
    title: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
    detail: { vi: (r) => `Yêu cầu không hợp lệ: ${r}`, en: (r) => r },
  },
  unreadable: {
    status: 400,
    title: { vi: 'Không đọc được tệp', en: 'Unreadable file' },
    // The reason says it in either language ("x.docx: tệp .docx bị hỏng (…)"), after the title.
    detail: { vi: (r) => r, en: (r) => r },
  },
  'not-found': {
    status: 404,
    title: { vi: 'Không có địa chỉ này', en: 'Not found' },
    detail: { vi: (r) => `Không có ${r}; xem GET /v1/openapi.json`, en: (r) => `no route ${r}; see GET /v1/openapi.json` },
  },
  'no-archive': {
    status: 404,
    title: { vi: 'Không có kho văn bản', en: 'No archive' },
    detail: {
      vi: (r) => `Máy chủ được chạy không có kho văn bản nên không trả lời ${r}; chạy vanban serve --db TỆP`,
      en: (r) => `the server was started without an archive, so ${r} has no answer; start it with vanban serve --db FILE`,
    },
  },
  'request-timeout': {
    status: 408,
    title: { vi: 'Gửi yêu cầu quá chậm', en: 'Request timeout' },
    detail: { vi: (r) => `Yêu cầu không đến đủ trong thời gian cho phép (${r}); kết nối bị đóng`, en: (r) => `the request did not arrive in time (${r}); the connection is closed` },
  },
  'too-large': {
    status: 413,
    title: { vi: 'Tệp quá lớn', en: 'File too large' },
    detail: { vi: (r) => `Tệp vượt quá giới hạn ${r}`, en: (r) => r },
  },
  'unsupported-format': {
    status: 415,
    title: { vi: 'Định dạng không được hỗ trợ', en: 'Unsupported format' },
    detail: {
      vi: (r) => `${r}; vanban đọc .docx, .doc, .txt, .md, .html`,
      en: (r) => `${r}; vanban reads .docx, .doc, .txt, .md, .html`,
    },
  },
  'not-a-document': {
    status: 422,
    title: { vi: 'Không phải văn bản vanban đọc được', en: 'Not a document vanban can read' },
    detail: { vi: (r) => r, en: (r) => r },
  },
  busy: {
    status: 503,
    title: { vi: 'Máy chủ đang bận', en: 'Server busy' },
    detail: { vi: (r) => `Hàng đợi đã đầy (${r}); hãy thử lại sau`, en: (r) => `the queue is full (${r}); try again later` },
  },
  'shutting-down': {
    status: 503,
    title: { vi: 'Máy chủ đang dừng', en: 'Server shutting down' },
    detail: { vi: () => 'Máy chủ đang dừng, không nhận thêm yêu cầu', en: () => 'the server is stopping and takes no new requests' },
  },
  'timed-out': {
    status: 504,
    title: { vi: 'Quá thời gian xử lý', en: 'Timed out' },
    detail: { vi: (r) => r, en: (r) => r },
  },
  internal: {
    status: 500,
    title: { vi: 'Lỗi nội bộ', en: 'Internal error' },
    detail: { vi: () => 'Lỗi nội bộ của vanban; xem nhật ký máy chủ', en: () => 'an internal error in vanban; see the server log' },
  },
} satisfies Record<string, Kind>;

export type ProblemSlug = keyof typeof PROBLEMS;

/** A request the service refuses: becomes a problem answer, never a stack trace. */
export class ServeError extends Error {
  override readonly name = 'ServeError';
  constructor(
    readonly slug: ProblemSlug,
    readonly reason: Said,
  ) {
    super(reason.en);
  }
}

/** The problem answered in `lang`: its title, and its detail around the reason in the same language. */
export function problem(slug: ProblemSlug, reason: Said, lang: Lang, instance: string): Problem {
  const kind: Kind = PROBLEMS[slug];
  return { type: `urn:vanban:problem:${slug}`, title: kind.title[lang], status: kind.status, detail: kind.detail[lang](reason[lang]), instance };
}

/** Accept-Language: the first of en and vi by preference (q values); Vietnamese when neither is asked for. */
export function negotiateLang(header: string | undefined): Lang {
  if (!header) return 'vi';
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) || 0 : 1, i };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (primary === 'en' || primary === 'vi') return primary;
  }
  return 'vi';
}
