import { normalizeText } from '../normalize/text.js';

/**
 * Position marks: a reader that notices something inside a paragraph (a symbol it left out, a
 * numbering it could not show) puts a mark there, and once the whole text is laid out (tables,
 * layout columns) the marks are turned into the line and column of that place and taken out.
 * A mark is a noncharacter (U+FDD0, which Unicode keeps out of interchanged text) and one
 * character naming the message.
 */
const MARK = '\ufdd0';
const FIRST = 0xe000;
export const MAX_MARKS = 0x1000;

export function markFor(index: number): string {
  return index < MAX_MARKS ? MARK + String.fromCharCode(FIRST + index) : '';
}

/** The text without its marks, and where each mark stood: 1-based line, column in the normalized line. */
export function takeMarks(text: string): { text: string; at: Map<number, { line: number; column: number }> } {
  const at = new Map<number, { line: number; column: number }>();
  if (!text.includes(MARK)) return { text, at };
  const lines = text.split('\n').map((raw, i) => {
    if (!raw.includes(MARK)) return raw;
    let clean = '';
    for (let k = 0; k < raw.length; k++) {
      if (raw[k] !== MARK) {
        clean += raw[k];
        continue;
      }
      const index = raw.charCodeAt(++k) - FIRST;
      // The column the place has once the line is normalized (spaces folded, NFC): the prefix
      // normalized, with a letter after it so a space before the place is not trimmed away.
      if (!at.has(index)) at.set(index, { line: i + 1, column: normalizeText(`${clean}x`).length });
    }
    return clean;
  });
  return { text: lines.join('\n'), at };
}
