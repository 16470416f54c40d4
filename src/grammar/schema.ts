import { z } from 'zod';

/**
 * The shape of the files in grammars/; a bad edit there fails loudly at load time. Built on first
 * use: the shipped files were checked by the build (src/grammar/load.ts), so most starts never
 * need these schemas.
 */
export function grammarSchemas(): Schemas {
  return (schemas ??= define());
}

type Schemas = ReturnType<typeof define>;
let schemas: Schemas | undefined;

function define() {
  const regex = z.string().refine((s) => {
    try {
      new RegExp(s, 'u');
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

  const phrases = z.array(z.string().min(1)).min(1);

  const GenreGrammar = z.object({
    genre: z.string(),
    description: z.string().optional(),
    header: z.object({
      partyHeadings: phrases,
      /** The State heading and motto of NĐ 30/2020/NĐ-CP layouts. */
      stateHeadings: phrases,
      mottos: phrases,
      draftMarks: phrases,
      numberWords: phrases,
      superiorPrefixes: z.array(z.string()),
      dateWords: z.object({ day: z.string(), month: z.string(), year: z.string() }),
      preambleStarts: z.array(z.string()),
      ruleLine: regex,
      /** A resolution without a place-date line states its date in its closing formula. */
      closingDateWords: phrases,
      /** "(Kèm theo Quyết định số …)" under a title notes what the document is attached to; it is not the title. */
      attachmentNotes: phrases,
      /** The authority line under a State decision's title ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …") begins so. */
      authorityStarts: phrases,
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
      /** Words between the kind and the number: "Chương trình hành động số …", "Báo cáo thẩm tra số …". */
      qualifiers: z.array(z.string()).default([]),
      /** Words standing for any kind ("văn bản số …"): the kind comes from the symbol's type code, else fallbackKind. */
      genericKinds: z.array(z.string()).default([]),
      fallbackKind: z.string().default('Công văn'),
      /** A number without a symbol is not a citation when one of these words follows it ("Kế hoạch 5 năm"). */
      numberOnlyStops: z.array(z.string()).default([]),
      /** A plenum phrase in the tail ("Hội nghị lần thứ 7 Ban Chấp hành Trung ương", "Trung ương 7"); plenumIssuer when it names no body. */
      plenum: regex.optional(),
      plenumIssuer: z.string().nullable().default(null),
      /** A plenum written before the issue verb ("Hội nghị Trung ương 5 khóa VIII đã thông qua Nghị quyết “…”"), anchored at its end; group "term". */
      plenumBefore: regex.optional(),
      /** "<body> ban hành <citation>": verbs that let an issuer (and a date before it) written before the citation count. */
      issueVerbs: z.array(z.string()).default([]),
      /** Words between an issuer written before and the verb ("Đảng ủy NHPT đã ban hành"): at most this many, capitalised. */
      issuerGapWords: z.number().int().min(0).max(6).default(3),
      /** "được <body> thông qua", "được thông qua tại <body>": the words around a body that adopted a document. */
      adoptedBy: z.object({ before: z.array(z.string()), after: z.array(z.string()), at: z.array(z.string()).default([]) }).optional(),
      /** "Bộ trưởng Bộ Tài chính": an officer's title before a body, kept in the issuer. */
      officerTitles: z.array(z.string()).default([]),
      /** A named document right after these words is the one being issued, not a citation ("ban hành Quy chế làm việc của …"). */
      notCitedAfter: z.array(z.string()).default([]),
      /** A kind followed by these words is the document itself ("Nghị quyết này", "Quyết định này"). */
      selfWords: z.array(z.string()).default([]),
      /** A body whose name ends in one of these ("Ủy ban nhân dân tỉnh") may be followed by its place's name. */
      placeLevels: z.array(z.string()).default([]),
      /** Capitalised single words that end a place name ("Về", "Nghị"), besides the term, date and "của" words. */
      placeStops: z.array(z.string()).default([]),
      /** Words joining co-issuers ("của Ban Chấp hành Trung ương, Bộ Chính trị và Ban Bí thư"). */
      joinWords: z.array(z.string()).default([]),
    }),
    footer: z.object({ recipientsLabels: phrases, signatureMarks: phrases, bullets: phrases }),
    namedReferences: z.array(
      z.object({
        pattern: regex,
        kind: z.string(),
        issuedBy: z.string().nullable(),
        /** The named group "title" must start with a capital letter in the text ("Luật Đất đai", not "luật pháp"). */
        capitalTitle: z.boolean().default(false),
        /** Read date, issuer and term after the match as a numbered citation's tail ("Luật … ngày 19 tháng 6 năm 2015"). */
        tail: z.boolean().default(false),
        /** Only a citation when its tail names the issuer ("Quy chế làm việc của …", not "theo Quy chế làm việc"). */
        needsIssuer: z.boolean().default(false),
        /** The quoted subject right after the match is the title, and part of the reference ("Nghị quyết “Về …”"). */
        quotedTitle: z.boolean().default(false),
      }),
    ),
  });

  const DocumentTypes = z.object({
    description: z.string().optional(),
    types: z.array(z.object({ name: z.string().min(1), party: z.array(z.string()), state: z.array(z.string()) })).min(1),
  });

  const level = z.enum(['central', 'provincial', 'district', 'local', 'state']);

  const Bodies = z.object({
    description: z.string().optional(),
    bodies: z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string()), level })).min(1),
  });

  const IssuerCodes = z.object({
    description: z.string().optional(),
    codes: z.array(z.object({ code: z.string().min(1), name: z.string(), level })).min(1),
  });

  const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
  const Terms = z.object({
    description: z.string().optional(),
    central: z.array(z.object({ term: z.string().regex(/^[IVXLC]+$/), from: isoDate, to: isoDate.nullable() })).min(1),
  });

  /** Data for the lint rules (src/check/rules/). */
  const Checks = z.object({
    description: z.string().optional(),
    anniversary: z.object({
      actions: phrases,
      yearWords: phrases,
      linkWords: z.array(z.string().min(1)),
      reviews: z.array(z.object({ years: z.int().positive(), action: z.string().min(1) })).min(1),
      draftLink: z.string().min(1),
    }),
    needsHeader: z.array(z.string()),
    anyGenre: z.array(z.string()),
  });

  const labelStyle = z.enum(['roman', 'arabic', 'decimal', 'letter', 'paren', 'bullet', 'article', 'part']);

  /** grammars/outline.json: the labels that open a unit of the body, and how they nest. */
  const OutlineGrammar = z.object({
    description: z.string().optional(),
    styles: z
      .array(
        z.object({
          style: labelStyle,
          pattern: regex,
          value: z.enum(['roman', 'arabic', 'decimal', 'letter', 'roman-or-arabic', 'none']),
          rank: z.number().min(0),
          caps: z.number().min(0).optional(),
          capital: z.boolean().optional(),
        }),
      )
      .min(1),
    notLabels: z.object({ description: z.string().optional(), starts: z.array(z.string()) }),
    heading: z.object({ description: z.string().optional(), styles: z.array(labelStyle), maxShortLength: z.int().positive(), openEnds: phrases }),
    appendix: z.object({ description: z.string().optional(), starts: phrases, role: z.string().min(1) }),
    opensList: z.object({ description: z.string().optional(), styles: z.array(labelStyle) }),
  });

  const genreRule = z
    .object({
      docTypes: z.array(z.string().min(1)).optional(),
      typeCodes: z.array(z.string().min(1)).optional(),
      titleWords: z.array(z.string().min(1)).optional(),
      titleStarts: z.array(z.string().min(1)).optional(),
      bodyKinds: z.array(z.string().min(1)).optional(),
      /** Words of the opening paragraphs that name the document itself ("… ban hành Kế hoạch … như sau:"). */
      selfNames: z.array(z.string().min(1)).optional(),
    })
    .refine((r) => Object.keys(r).length > 0, 'a detection rule needs at least one condition');

  /** grammars/genres/*.json: one genre of the family, as data. */
  const Genre = z.object({
    genre: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
    priority: z.number(),
    name: z.object({ vi: z.string(), en: z.string() }),
    description: z.string().optional(),
    /** Alternatives: the genre applies when every condition of one rule holds. */
    detect: z.array(genreRule).min(1),
    /** Type lines of the header this genre adds to the document types ("CHƯƠNG TRÌNH HÀNH ĐỘNG"). */
    docTypes: z.array(z.string().min(1)),
    roles: z.array(
      z.object({
        role: z.string().min(1),
        styles: z.array(labelStyle).optional(),
        lineKinds: z.array(z.string()).optional(),
        under: z.string().optional(),
        tasks: z.boolean().optional(),
      }),
    ),
    /** What it projects into the model besides the outline. */
    projects: z.array(z.enum(['conferences', 'tasks', 'schedule'])),
    /** The lint rules that apply to it. */
    rules: z.union([z.literal('all'), z.array(z.string())]),
  });

  const TaskGrammar = z.object({
    description: z.string().optional(),
    lead: phrases,
    partners: phrases,
    deadline: phrases,
    content: phrases,
    number: phrases,
    standing: phrases,
    quarterWords: phrases,
    beforeWords: phrases,
    assignWords: phrases,
    leadVerbs: phrases,
    partnerVerbs: phrases,
    verbs: phrases,
    deadlineStarts: phrases,
    agencyStarts: phrases,
    listNouns: phrases,
  });

  const ScheduleGrammar = z.object({
    description: z.string().optional(),
    weekdays: phrases,
    dayWords: phrases,
    periods: phrases,
    chairMarks: phrases,
    chairStops: phrases,
    notChairBefore: phrases,
    placeWords: phrases,
    preparerWords: phrases,
  });
  return { GenreGrammar, DocumentTypes, Bodies, IssuerCodes, Terms, Checks, OutlineGrammar, Genre, TaskGrammar, ScheduleGrammar };
}

export type GenreGrammar = z.infer<Schemas['GenreGrammar']>;
export type DocumentTypes = z.infer<Schemas['DocumentTypes']>;
export type Bodies = z.infer<Schemas['Bodies']>;
export type IssuerCodes = z.infer<Schemas['IssuerCodes']>;
export type Terms = z.infer<Schemas['Terms']>;
export type Checks = z.infer<Schemas['Checks']>;
export type OutlineGrammar = z.infer<Schemas['OutlineGrammar']>;
export type Genre = z.infer<Schemas['Genre']>;
export type TaskGrammar = z.infer<Schemas['TaskGrammar']>;
export type ScheduleGrammar = z.infer<Schemas['ScheduleGrammar']>;

export interface Grammar {
  genre: GenreGrammar;
  outline: OutlineGrammar;
  genres: Genre[];
  tasks: TaskGrammar;
  schedule: ScheduleGrammar;
  documentTypes: DocumentTypes;
  bodies: Bodies;
  issuers: IssuerCodes;
  terms: Terms;
  checks: Checks;
}
