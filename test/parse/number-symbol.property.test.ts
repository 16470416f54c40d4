import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldPhrase } from '../../src/normalize/fold.js';
import { gluedDateWord, isTypeCode, repairPartySymbol, repairStateSymbol, symbolCodes, type SymbolCodes } from '../../src/recognise/citation-symbols.js';
import { citationPatterns, numberSymbolAt, type NumberSymbol } from '../../src/recognise/citations.js';
import { defaultMatchers } from '../../src/recognise/compile.js';
import { Joined } from '../../src/recognise/joined.js';

// readNumber reads a symbol's spelling once and keeps the reading (issue 12); here it is held to
// the definition it replaced, which read every citation's symbol afresh.
const m = defaultMatchers();
const [, , party, stateLegal, stateAdmin] = citationPatterns(m) as [RegExp, RegExp, RegExp, RegExp, RegExp];
const codes = symbolCodes(m);
const dateWords = m.grammar.genre.citations.dateWords.map(foldPhrase);

function sticky(re: RegExp, key: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(key);
}

function previous(block: Joined, at: number): NumberSymbol | null {
  const { key, text } = block;
  const legal = sticky(stateLegal, key, at);
  if (legal) {
    const number = `${text.slice(at, at + legal[1]!.length)}/${legal[2]}`;
    const symbolAt = at + legal[1]!.length + legal[2]!.length + 2;
    return stateSymbol(text, number, symbolAt, at + legal[0].length, codes);
  }
  const p = sticky(party, key, at);
  if (p) {
    const sep = p[2]!;
    const typeAt = at + p[1]!.length + sep.length;
    const type = text.slice(typeAt, typeAt + p[3]!.length);
    if (/[-–]/u.test(sep) || isTypeCode(type, codes)) {
      const issuerAt = typeAt + p[3]!.length + p[4]!.length;
      let issuer = text.slice(issuerAt, issuerAt + p[5]!.length);
      let end = at + p[0].length;
      const glued = gluedDateWord(issuer, dateWords);
      if (glued > 0 && glued < issuer.length) {
        issuer = issuer.slice(0, -glued);
        end -= glued;
      }
      const number = text.slice(at, at + p[1]!.length);
      const fixed = repairPartySymbol(`${type}/${issuer}`, codes);
      const hyphen = sep.replace(/\s/gu, '');
      const repaired = glued > 0 || fixed.repaired || hyphen !== '-' || /\s/u.test(sep + p[4]!);
      return { number, symbol: fixed.symbol, id: `${number.length === 1 ? `0${number}` : number}-${fixed.symbol}`, repaired, party: true, end };
    }
  }
  const admin = sticky(stateAdmin, key, at);
  if (admin) {
    const number = text.slice(at, at + admin[1]!.length);
    const symbolAt = at + admin[1]!.length + admin[2]!.length;
    const found = stateSymbol(text, number, symbolAt, at + admin[0].length, codes);
    const written = text.slice(symbolAt, found.end);
    if (written.includes('-') || found.repaired || (written.length >= 2 && /^\p{Lu}+$/u.test(written))) {
      return admin[2]!.length > 1 ? { ...found, repaired: true } : found;
    }
  }
  return null;
}

function stateSymbol(text: string, number: string, symbolAt: number, end: number, c: SymbolCodes): NumberSymbol {
  let written = text.slice(symbolAt, end);
  const spaced = /-\s/u.test(written);
  if (spaced) written = written.replace(/-\s/gu, '-');
  const glued = gluedDateWord(written, dateWords);
  if (glued > 0 && glued < written.length) {
    written = written.slice(0, -glued);
    end -= glued;
  }
  const fixed = repairStateSymbol(written, c);
  return { number, symbol: fixed.symbol, id: `${number}/${fixed.symbol}`, repaired: fixed.repaired || glued > 0 || spaced, party: false, end };
}

const PIECES = [
  '1', '26', '123', '2020', '123456', 'a', '-', ' - ', '– ', '--', ' ', '/', ' / ', '/ ', '- ',
  'NQ', 'nq', 'Nq', 'CTR', 'CTr', 'QĐ', 'qđ', 'KL', 'NĐCP', 'NQCP', 'TTG', 'STTTT', 'xyz', 'Uỷ',
  'TW', 'TU', 'tw', 'BTGTW', 'UBND', 'CP', 'TTg', 'UBTVQH15', 'ngày', 'Ngày', 'NGÀY', 'ngáy', ',',
];

describe('readNumber reads as the definition it replaced', () => {
  it('on any run of numbers, separators, codes and glued date words, read twice', () => {
    fc.assert(
      fc.property(fc.constantFrom('1', '26', '123', '12345'), fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }), (number, parts) => {
        const block = new Joined([{ text: number + parts.join(''), start: 0, line: 1 }]);
        // Twice: the second reading may come from the kept one.
        for (let round = 0; round < 2; round++) expect(numberSymbolAt(block, 0, m)).toEqual(previous(block, 0));
      }),
      { numRuns: 3000 },
    );
  });
});
