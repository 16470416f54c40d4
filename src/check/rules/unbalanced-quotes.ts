import type { Diagnostic } from '../../model/programme.js';
import { closesQuote, opensQuote, STRAIGHT_QUOTE } from '../../recognise/quotes.js';
import { mapOf } from '../locate.js';
import { finding, type Rule } from '../rule.js';

// No /u: every quote is one UTF-16 unit, and without it V8 scans far faster. Global, and run with
// test(), so the native scan jumps from quote to quote and builds no match array.
const QUOTES = /[“”«»"]/g;

/** Index of the first quote left without a partner: a stray closing one, else the outermost opening. */
export function unbalancedQuote(text: string): number | null {
  // The openings still open are a stack; only its bottom (the outermost) is ever reported, so a
  // depth and the bottom's index stand for it: no array per item.
  let depth = 0;
  let outermost = -1;
  let straight = -1;
  QUOTES.lastIndex = 0;
  while (QUOTES.test(text)) {
    const i = QUOTES.lastIndex - 1;
    const code = text.charCodeAt(i);
    if (code === STRAIGHT_QUOTE) straight = straight === -1 ? i : -1;
    else if (opensQuote(code)) {
      if (depth === 0) outermost = i;
      depth++;
    } else if (closesQuote(code)) {
      if (depth === 0) return i;
      depth--;
    }
  }
  const open = depth > 0 ? outermost : -1;
  if (open === -1) return straight === -1 ? null : straight;
  return straight === -1 ? open : Math.min(open, straight);
}

export const unbalancedQuotes: Rule = {
  code: 'unbalanced-quotes',
  severity: 'info',
  summary: {
    vi: 'một mục có dấu ngoặc kép mở mà không đóng, hoặc đóng mà không mở',
    en: 'an item with a quotation mark opened and never closed, or closed and never opened',
  },
  check(p, context) {
    const map = mapOf(context);
    const found: Diagnostic[] = [];
    for (let cIndex = 0; cIndex < p.conferences.length; cIndex++) {
      const c = p.conferences[cIndex]!;
      for (let itemIndex = 0; itemIndex < c.items.length; itemIndex++) {
        const item = c.items[itemIndex]!;
        const i = unbalancedQuote(item.text);
        if (i === null) continue;
        const start = map.find(item.text, item.line);
        const at = start === null ? map.at(item.line) : map.position(start + i);
        const mark = item.text[i]!;
        const closing = closesQuote(mark.charCodeAt(0));
        found.push(
          finding(
            this,
            at,
            `Hội nghị ${c.ordinal}, mục (${item.number}): dấu ngoặc kép ${mark} ${closing ? 'đóng mà không có dấu mở' : 'mở mà không có dấu đóng'}`,
            `Conference ${c.ordinal}, item (${item.number}): the quotation mark ${mark} is ${closing ? 'closed but never opened' : 'opened but never closed'}`,
          ),
        );
      }
    }
    return found;
  },
};
