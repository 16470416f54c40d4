const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function toRoman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

/** "XIV" → 14; null for anything that is not a well-formed Roman numeral. */
export function romanToInt(raw: string): number | null {
  const s = raw.toUpperCase();
  if (!/^[IVXLCDM]{1,15}$/.test(s)) return null;
  let total = 0;
  let i = 0;
  for (const [value, letters] of ROMAN) {
    while (s.startsWith(letters, i)) {
      total += value;
      i += letters.length;
    }
  }
  return i === s.length && total > 0 && toRoman(total) === s ? total : null;
}

/** "17", "XVII" or "mười bảy"-free forms: digits or Roman numerals. */
export function ordinalValue(raw: string): number | null {
  if (/^\d{1,6}$/.test(raw)) return Number(raw);
  return romanToInt(raw);
}
