/**
 * Text copied from a Markdown page keeps its marks: "### Điều 1. …", "**ỦY BAN …**", "*Trần Thanh
 * Mẫn*". They are layout, not words: recognisers read the line without them. Returns the bare text
 * and where it starts in the line.
 */
export function stripMarkup(line: string): { text: string; at: number } {
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
