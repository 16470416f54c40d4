import { createHash } from 'node:crypto';
import { assembleBody } from './assemble/body.js';
import { assembleFooter } from './assemble/footer.js';
import { assembleHeader } from './assemble/header.js';
import { runChecks } from './check/index.js';
import { decodeText } from './ingest/text.js';
import type { Format, IngestMessage } from './ingest/types.js';
import { Programme, SCHEMA_VERSION } from './model/programme.js';
import { normalizeText } from './normalize/text.js';
import { defaultMatchers, type Matchers } from './recognise/compile.js';
import { recogniseLines } from './recognise/lines.js';
import { resolveAttributions } from './resolve/attributions.js';

export interface ParseOptions {
  /** The file name recorded in `source.file`. */
  file?: string | null;
  format?: Format;
  /** How the text was stored; detected when bytes are given. */
  encoding?: string;
  /** sha256 of the original bytes; computed from the input when absent. */
  sha256?: string;
  matchers?: Matchers;
  /** What the reader noticed (mammoth's warnings, tracked changes shown, ...); kept as diagnostics. */
  messages?: readonly IngestMessage[];
}

/**
 * Text (or the bytes of a .txt) to the validated programme model. Synchronous and pure:
 * normalize → recognise → assemble → resolve → check.
 */
export function parse(input: string | Uint8Array, options: ParseOptions = {}): Programme {
  let raw: string;
  let encoding = options.encoding;
  let sha256 = options.sha256;
  if (typeof input === 'string') {
    raw = input;
    encoding ??= 'utf-8';
    sha256 ??= createHash('sha256').update(input, 'utf8').digest('hex');
  } else {
    const decoded = decodeText(input);
    raw = decoded.text;
    encoding ??= decoded.encoding;
    sha256 ??= createHash('sha256').update(input).digest('hex');
  }
  const m = options.matchers ?? defaultMatchers();
  const text = normalizeText(raw);
  const lines = recogniseLines(text, m);
  const { header, bodyStart } = assembleHeader(lines, m);
  let footerStart = lines.length;
  for (let i = bodyStart; i < lines.length; i++) {
    const kind = lines[i]!.kind;
    if (kind === 'recipients' || kind === 'signature') {
      footerStart = i;
      break;
    }
  }
  const body = assembleBody(lines.slice(bodyStart, footerStart), m);
  const footer = assembleFooter(lines.slice(footerStart), m);
  const attributions = resolveAttributions(body.attributionLines, m);
  const programme: Programme = {
    schemaVersion: SCHEMA_VERSION,
    source: { file: options.file ?? null, format: options.format ?? 'txt', encoding, sha256 },
    header,
    preamble: body.preamble,
    sections: body.sections,
    conferences: body.conferences,
    attributions,
    recipients: footer.recipients,
    signature: footer.signature,
    citations: body.citations,
    diagnostics: [],
  };
  programme.diagnostics = [
    ...(options.messages ?? []).map((msg) => ({
      code: `ingest-${msg.severity}`,
      severity: msg.severity,
      message: msg.message,
      messageEn: msg.message,
      line: null,
      column: null,
    })),
    ...runChecks(programme, { text, matchers: m }),
  ];
  return Programme.parse(programme);
}

/** The normalized text that spans and line numbers refer to. */
export function normalizedText(input: string | Uint8Array): string {
  return normalizeText(typeof input === 'string' ? input : decodeText(input).text);
}
