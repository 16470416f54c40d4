import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEGACY_DECODE_MAPS as MAPS, tcvn3ToUnicode, vniToUnicode } from '../../src/normalize/legacy.js';

// The decoders as they were before they read tables by character code (December 2026): a map
// lookup per character, and per pair of characters for VNI.
function tcvn3Before(text: string, capital = false): string {
  let out = '';
  for (const ch of text.split('')) out += MAPS.tcvn3.get(ch) ?? ch;
  out = out.normalize('NFC');
  return capital ? out.toUpperCase() : out;
}

function vniBefore(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const pair = i + 1 < text.length ? MAPS.vniPair.get(text[i]! + text[i + 1]!) : undefined;
    if (pair !== undefined) {
      out += pair;
      i++;
    } else out += MAPS.vniSingle.get(text[i]!) ?? text[i]!;
  }
  return out.normalize('NFC');
}

// Every character either map reads, the halves of every pair, and others around them: ASCII,
// combining marks, Vietnamese letters, a character whose code shares a pair's low byte.
const keys = [...MAPS.tcvn3.keys(), ...MAPS.vniSingle.keys(), ...[...MAPS.vniPair.keys()].flatMap((p) => p.split(''))];
const alphabet = [...new Set([...keys, 'a', 'o', 'A', ' ', '\n', '1', '\u0301', '\u0323', 'ơ', 'Ư', 'đ', '\u01f8', '\u0138', 'ÿ', '€', '\u2019'])];
const legacyText = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((cs) => cs.join(''));
const anyText = fc.oneof(legacyText, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));

describe('the legacy decoders read as the map lookups they replaced', () => {
  it('TCVN3, in lower- and capital-letter fonts', () => {
    const agrees = fc.property(anyText, fc.boolean(), (text, capital) => {
      expect(tcvn3ToUnicode(text, capital)).toBe(tcvn3Before(text, capital));
    });
    fc.assert(agrees, { numRuns: 3000 });
  });

  it('VNI, pairs before single characters', () => {
    const agrees = fc.property(anyText, (text) => {
      expect(vniToUnicode(text)).toBe(vniBefore(text));
    });
    fc.assert(agrees, { numRuns: 3000 });
  });

  it('on real legacy words', () => {
    // "Nghị quyết" and "Đảng bộ tỉnh" as Word keeps them in .VnTime and VNI-Times runs.
    expect(tcvn3ToUnicode('NghÞ quyÕt')).toBe('Nghị quyết');
    expect(vniToUnicode('Ñaûng boä tænh')).toBe('Đảng bộ tỉnh');
  });
});
