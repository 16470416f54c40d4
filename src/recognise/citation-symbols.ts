import { foldKey } from '../normalize/fold.js';
import type { Matchers } from './compile.js';

/**
 * Repairs of a citation's symbol against the known codes of grammars/document-types.json and
 * grammars/issuers.json: a hyphen lost between type and issuer ("NĐCP" → "NĐ-CP", "NQCP" →
 * "NQ-CP"), canonical case ("QĐ-TTG" → "QĐ-TTg", "CTR/TU" → "CTr/TU", "QĐI" → "QĐi"), and the
 * kind a symbol's type code names ("văn bản số 71-HD/BTGTW" is a Hướng dẫn).
 */
export interface SymbolCodes {
  /** Upper-cased code → the code as the grammar spells it. */
  types: Map<string, string>;
  issuers: Map<string, string>;
  /** Upper-cased type code → the document type it names, Party and State. */
  partyKind: Map<string, string>;
  stateKind: Map<string, string>;
}

const cache = new WeakMap<Matchers, SymbolCodes>();

function kindsByCode(types: readonly { name: string; codes: string[] }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of types) {
    for (const code of t.codes) {
      const key = code.toUpperCase();
      const had = out.get(key);
      // The first type listing a code names it, unless another is the head of that one
      // ("Thông báo" before "Thông báo kết luận").
      if (had === undefined || (had.startsWith(`${t.name} `) && t.name.length < had.length)) out.set(key, t.name);
    }
  }
  return out;
}

export function symbolCodes(m: Matchers): SymbolCodes {
  let c = cache.get(m);
  if (c) return c;
  const types = new Map<string, string>();
  for (const t of m.grammar.documentTypes.types) for (const code of [...t.party, ...t.state]) if (!types.has(code.toUpperCase())) types.set(code.toUpperCase(), code);
  const issuers = new Map<string, string>();
  for (const code of m.grammar.issuers.codes) issuers.set(code.code.toUpperCase(), code.code);
  c = {
    types,
    issuers,
    partyKind: kindsByCode(m.grammar.documentTypes.types.map((t) => ({ name: t.name, codes: t.party }))),
    stateKind: kindsByCode(m.grammar.documentTypes.types.map((t) => ({ name: t.name, codes: t.state }))),
  };
  cache.set(m, c);
  return c;
}

/** An issuer code, with the term number a National Assembly body carries ("UBTVQH15"). */
function issuerCode(part: string, codes: SymbolCodes): string | null {
  const digits = /\d{1,3}$/u.exec(part)?.[0] ?? '';
  const known = codes.issuers.get(part.slice(0, part.length - digits.length).toUpperCase());
  return known === undefined ? null : known + digits;
}

/** The symbol's parts in canonical case; null when nothing changes. */
function canonicalCase(symbol: string, codes: SymbolCodes): string | null {
  const parts = symbol.split(/([/-])/u);
  let changed = false;
  for (let i = 0; i < parts.length; i += 2) {
    const part = parts[i]!;
    const known = i === 0 ? codes.types.get(part.toUpperCase()) : issuerCode(part, codes);
    if (known !== undefined && known !== null && known !== part && known.toUpperCase() === part.toUpperCase()) {
      parts[i] = known;
      changed = true;
    }
  }
  return changed ? parts.join('') : null;
}

/** "NĐCP" → "NĐ-CP" when it splits into a known type code and a known issuer code. */
function restoreHyphen(symbol: string, codes: SymbolCodes): string | null {
  if (/[-/]/u.test(symbol)) return null;
  for (let cut = Math.min(symbol.length - 1, 6); cut >= 1; cut--) {
    const type = codes.types.get(symbol.slice(0, cut).toUpperCase());
    const issuer = issuerCode(symbol.slice(cut), codes);
    if (type !== undefined && issuer !== null) return `${type}-${issuer}`;
  }
  return null;
}

/** A State symbol ("NĐ-CP", "KH-UBND", "STTTT") repaired; `repaired` when it was changed. */
export function repairStateSymbol(symbol: string, codes: SymbolCodes): { symbol: string; repaired: boolean } {
  const hyphened = restoreHyphen(symbol, codes);
  const base = hyphened ?? symbol;
  const cased = canonicalCase(base, codes);
  return { symbol: cased ?? base, repaired: hyphened !== null || cased !== null };
}

/** A Party symbol's type and issuer ("CTR", "TU") in canonical case. */
export function repairPartySymbol(symbol: string, codes: SymbolCodes): { symbol: string; repaired: boolean } {
  const cased = canonicalCase(symbol, codes);
  return { symbol: cased ?? symbol, repaired: cased !== null };
}

/** Whether a code is a known type code (any case). */
export function isTypeCode(code: string, codes: SymbolCodes): boolean {
  return codes.types.has(code.toUpperCase());
}

/** The kind a symbol's type code names ("HD/BTGTW" → Hướng dẫn), or null. */
export function kindOfSymbol(symbol: string, party: boolean, codes: SymbolCodes): string | null {
  const code = symbol.split(/[/-]/u)[0]!.toUpperCase();
  return (party ? codes.partyKind : codes.stateKind).get(code) ?? (party ? codes.stateKind : codes.partyKind).get(code) ?? null;
}

/** How many characters of `symbol` (its end) are a date word glued on ("TWngày" → 4). */
export function gluedDateWord(symbol: string, dateWords: readonly string[]): number {
  const key = foldKey(symbol);
  for (const w of dateWords) if (key.length > w.length && key.endsWith(w)) return w.length;
  return 0;
}
