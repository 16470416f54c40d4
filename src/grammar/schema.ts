import { z } from 'zod';

/** The shape of the files in grammars/; a bad edit there fails loudly at load time. */
const regex = z.string().refine((s) => {
  try {
    new RegExp(s, 'u');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

const phrases = z.array(z.string().min(1)).min(1);

export const GenreGrammar = z.object({
  genre: z.string(),
  description: z.string().optional(),
  header: z.object({
    partyHeadings: phrases,
    draftMarks: phrases,
    numberWords: phrases,
    superiorPrefixes: z.array(z.string()),
    dateWords: z.object({ day: z.string(), month: z.string(), year: z.string() }),
    preambleStarts: z.array(z.string()),
    ruleLine: regex,
  }),
  title: z.object({ yearWords: phrases, termWords: phrases, periodWords: phrases }),
  /** Numbering patterns match a label prefix (named group label/ordinal/number); the rest of the line is the text. */
  sections: z.object({ numbering: z.array(regex).min(1), minUppercaseRatio: z.number().min(0).max(1) }),
  conferences: z.object({
    numbering: z.array(regex).min(1),
    headingWords: phrases,
    sessionWords: phrases,
    thematicWords: phrases,
    tentativeWords: phrases,
    monthWords: phrases,
    quarterWords: phrases,
  }),
  items: z.object({ numbering: z.array(regex).min(1), notItemStarts: z.array(z.string()) }),
  paragraphs: z.object({ numbered: regex, bullet: regex }),
  attributions: z.object({ phrases, scopeWords: phrases, rangeWords: phrases, joinWords: phrases }),
  actions: phrases,
  citations: z.object({
    numberWords: phrases,
    dateWords: phrases,
    ofWords: phrases,
    termWords: phrases,
    titleStarts: phrases,
    titleStops: z.array(z.string()),
  }),
  footer: z.object({ recipientsLabels: phrases, signatureMarks: phrases, bullets: phrases }),
  namedReferences: z.array(z.object({ pattern: regex, kind: z.string(), issuedBy: z.string().nullable() })),
});
export type GenreGrammar = z.infer<typeof GenreGrammar>;

export const DocumentTypes = z.object({
  description: z.string().optional(),
  types: z.array(z.object({ name: z.string().min(1), party: z.array(z.string()), state: z.array(z.string()) })).min(1),
});
export type DocumentTypes = z.infer<typeof DocumentTypes>;

const level = z.enum(['central', 'provincial', 'district', 'local', 'state']);

export const Bodies = z.object({
  description: z.string().optional(),
  bodies: z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string()), level })).min(1),
});
export type Bodies = z.infer<typeof Bodies>;

export const IssuerCodes = z.object({
  description: z.string().optional(),
  codes: z.array(z.object({ code: z.string().min(1), name: z.string(), level })).min(1),
});
export type IssuerCodes = z.infer<typeof IssuerCodes>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const Terms = z.object({
  description: z.string().optional(),
  central: z.array(z.object({ term: z.string().regex(/^[IVXLC]+$/), from: isoDate, to: isoDate.nullable() })).min(1),
});
export type Terms = z.infer<typeof Terms>;

/** Data for the lint rules (src/check/rules/). */
export const Checks = z.object({
  description: z.string().optional(),
  anniversary: z.object({ actions: phrases, yearWords: phrases, linkWords: z.array(z.string().min(1)) }),
});
export type Checks = z.infer<typeof Checks>;

export interface Grammar {
  genre: GenreGrammar;
  documentTypes: DocumentTypes;
  bodies: Bodies;
  issuers: IssuerCodes;
  terms: Terms;
  checks: Checks;
}
