const [HASH, QUOTE_MARK, STAR, UNDERSCORE] = ['#', '>', '*', '_'].map((c) => c.charCodeAt(0));

/**
 * Text copied from a Markdown page keeps its marks: "### Điều 1. …", "**ỦY BAN …**", "*Trần Thanh
 * Mẫn*". They are layout, not words: recognisers read the line without them. Returns the bare text
 * and where it starts in the line.
 */
export function stripMarkup(line: string): { text: string; at: number } {
  if (!opensOnMarkup(line)) return { text: line, at: 0 };
  let start = 0;
  let end = line.length;
  const heading = /^(?:#{1,6}|>) +/.exec(line);
  if (heading) start = heading[0].length;
  for (const mark of ['**', '__', '*', '_']) {
    const inner = line.slice(start, end);
    if (inner.length > mark.length * 2 && inner.startsWith(mark) && inner.endsWith(mark)) {
      const body = inner.slice(mark.length, inner.length - mark.length);
      if (!/^\s/.test(body) && !/\s$/.test(body) && !body.includes(mark)) {
        start += mark.length;
        end -= mark.length;
        break;
      }
    }
  }
  return { text: line.slice(start, end), at: start };
}

/** Whether the line opens on a Markdown mark: every mark stands first, and most lines open on none. */
export function opensOnMarkup(line: string): boolean {
  const first = line.charCodeAt(0);
  return first === HASH || first === QUOTE_MARK || first === STAR || first === UNDERSCORE;
}
