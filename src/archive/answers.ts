// The answers of the archive's questions, as the commands print them in JSON and the server sends
// them: types only, so the page of `vanban serve` reads them without the database's code.

/** Where in a document: 1-based lines and columns of the normalized text (`vanban text`). */
export interface Span {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

export interface Place {
  /** The input path the archive was indexed from. */
  document: string;
  /** Its number ("27-CTr/TU"), or null for a draft. */
  number: string | null;
  title: string | null;
  /** The year it is for (a programme's year), else the year of its date. */
  year: number | null;
}

/** An earlier review of a document: the programme and item that made it, and what it said. */
export interface EarlierReview {
  /** The programme's path, number and year. */
  document: string;
  number: string | null;
  year: number | null;
  conference: number;
  item: number;
  lead: string[];
  /** The review as written: "Sơ kết 05 năm thực hiện", and the years it counts. */
  said: string;
  saidYears: number;
  line: number;
}

export interface Anniversary {
  id: string;
  kind: string;
  date: string | null;
  issuedYear: number;
  issuedBy: string | null;
  title: string | null;
  /** Years since it was issued, in the year asked about. */
  years: number;
  /** "Sơ kết" or "Tổng kết", as the grammar names the review of `years` years. */
  action: string;
  /** How many citations of it the archive holds. */
  citations: number;
  reviews: EarlierReview[];
  /** An item line for the programme of that year, in the phrasing of the latest review. */
  draft: string;
  /** Who led the latest review. */
  lead: string[];
}

export interface Citing extends Place {
  /** The conference and item that cite it, or the task; both null for a citation elsewhere (preamble, grounds). */
  conference: number | null;
  item: number | null;
  task: number | null;
  text: string | null;
  lead: string[];
  /** The citation as written, and where (the first, when the document cites it several times outside items and tasks). */
  raw: string;
  line: number;
}

export interface AgencyLoad {
  agency: string;
  /** 1–4, or null when neither the conference nor the deadline names a month or quarter. */
  quarter: number | null;
  items: number;
  tasks: number;
}

export interface Hit extends Place {
  kind: 'item' | 'task';
  conference: number | null;
  item: number | null;
  task: number | null;
  text: string;
  span: Span;
  score: number;
}
