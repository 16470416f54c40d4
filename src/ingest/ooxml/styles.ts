import { legacyEncodingOf } from '../../normalize/legacy.js';
import { child, childrenNamed, type XmlElement } from './xml.js';

/**
 * What vanban needs from word/styles.xml: the numbering a paragraph style carries and the font a
 * style gives its runs, both following `w:basedOn` chains (which may be cyclic in broken files).
 */
export interface StyleSheet {
  /** The numPr a paragraph style applies, if any (own or inherited). */
  numberingOf(styleId: string | undefined): { numId?: string; ilvl?: string } | undefined;
  /** The font a paragraph or character style (own or inherited) gives runs, if any. */
  fontOf(styleId: string | undefined): string | undefined;
  /** The paragraph style used when a paragraph names none. */
  defaultParagraphStyle: string | undefined;
  /** Font from w:docDefaults. */
  defaultFont: string | undefined;
}

interface Style {
  basedOn?: string;
  numPr?: { numId?: string; ilvl?: string };
  font?: string;
}

const MAX_CHAIN = 32;

export function readStyles(root: XmlElement | null): StyleSheet {
  const styles = new Map<string, Style>();
  let defaultParagraphStyle: string | undefined;
  if (root) {
    for (const style of childrenNamed(root, 'w:style')) {
      const id = style.attrs['w:styleId'];
      if (id === undefined) continue;
      const type = style.attrs['w:type'] ?? 'paragraph';
      if (type === 'paragraph' && isDefault(style)) defaultParagraphStyle = id;
      const numPr = child(child(style, 'w:pPr'), 'w:numPr');
      styles.set(id, {
        basedOn: child(style, 'w:basedOn')?.attrs['w:val'],
        numPr: numPr && {
          numId: child(numPr, 'w:numId')?.attrs['w:val'],
          ilvl: child(numPr, 'w:ilvl')?.attrs['w:val'],
        },
        font: fontOfRunProperties(child(style, 'w:rPr')),
      });
    }
  }
  const defaults = child(child(child(root ?? undefined, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr');

  function inherited<T>(styleId: string | undefined, pick: (style: Style) => T | undefined): T | undefined {
    const seen = new Set<string>();
    let id = styleId;
    while (id !== undefined && !seen.has(id) && seen.size < MAX_CHAIN) {
      seen.add(id);
      const style = styles.get(id);
      if (!style) return undefined;
      const value = pick(style);
      if (value !== undefined) return value;
      id = style.basedOn;
    }
    return undefined;
  }

  return {
    numberingOf: (styleId) => inherited(styleId, (s) => s.numPr),
    fontOf: (styleId) => inherited(styleId, (s) => s.font),
    defaultParagraphStyle,
    defaultFont: fontOfRunProperties(defaults),
  };
}

function isDefault(style: XmlElement): boolean {
  const v = style.attrs['w:default'];
  return v === '1' || v === 'true' || v === 'on';
}

/**
 * The font a w:rPr names. Vietnamese letters sit outside ASCII, so Word draws them with the
 * w:hAnsi font; a legacy font in either slot wins because that is where the 8-bit text is.
 * A theme font is never a legacy one, and "+theme" stands for it.
 */
export function fontOfRunProperties(rPr: XmlElement | undefined): string | undefined {
  const fonts = child(rPr, 'w:rFonts');
  if (!fonts) return undefined;
  const hAnsi = fonts.attrs['w:hAnsiTheme'] ? '+theme' : fonts.attrs['w:hAnsi'];
  const ascii = fonts.attrs['w:asciiTheme'] ? '+theme' : fonts.attrs['w:ascii'];
  const legacy = [hAnsi, ascii].find((f) => f !== undefined && legacyEncodingOf(f) !== null);
  return legacy ?? hAnsi ?? ascii;
}
