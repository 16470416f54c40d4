/**
 * The archive database's schema, as migrations: migration N takes a database at version N - 1 to
 * version N, and `meta.schema_version` says which ran last. A database made by an older vanban is
 * brought up to date when it is opened for writing; one made by a newer vanban is refused. The
 * README's "The archive database" section documents every table and column: keep the two together.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: documents, their outline, conferences, items, tasks, agencies, citations, full-text search.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL,
    genre TEXT NOT NULL,
    issuer TEXT,
    number TEXT,
    number_raw TEXT,
    doc_type TEXT,
    title TEXT,
    year INTEGER,
    date TEXT,
    date_raw TEXT,
    place TEXT,
    term TEXT,
    draft INTEGER NOT NULL,
    json TEXT
  );

  CREATE TABLE outline_nodes (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES outline_nodes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    depth INTEGER NOT NULL,
    kind TEXT NOT NULL,
    label TEXT,
    role TEXT,
    heading TEXT,
    text TEXT,
    start_line INTEGER NOT NULL,
    start_column INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    end_column INTEGER NOT NULL
  );
  CREATE INDEX outline_nodes_document ON outline_nodes(document_id);

  CREATE TABLE conferences (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    title TEXT NOT NULL,
    session INTEGER,
    month INTEGER,
    quarter INTEGER,
    year INTEGER,
    tentative INTEGER NOT NULL,
    line INTEGER NOT NULL
  );
  CREATE INDEX conferences_document ON conferences(document_id);

  CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    text TEXT NOT NULL,
    action TEXT,
    period_year INTEGER,
    period_quarter INTEGER,
    start_line INTEGER NOT NULL,
    start_column INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    end_column INTEGER NOT NULL
  );
  CREATE INDEX items_document ON items(document_id);
  CREATE INDEX items_period ON items(period_year);

  CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    deadline TEXT,
    deadline_date TEXT,
    deadline_quarter INTEGER,
    deadline_year INTEGER,
    period_year INTEGER,
    period_quarter INTEGER,
    start_line INTEGER NOT NULL,
    start_column INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    end_column INTEGER NOT NULL
  );
  CREATE INDEX tasks_document ON tasks(document_id);
  CREATE INDEX tasks_period ON tasks(period_year);

  CREATE TABLE agencies (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
    task_id INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('lead', 'partner')),
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    CHECK ((item_id IS NULL) <> (task_id IS NULL))
  );
  CREATE INDEX agencies_item ON agencies(item_id);
  CREATE INDEX agencies_task ON agencies(task_id);
  CREATE INDEX agencies_document ON agencies(document_id);

  CREATE TABLE citations (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
    task_id INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    raw TEXT NOT NULL,
    kind TEXT NOT NULL,
    number TEXT,
    symbol TEXT,
    cited_id TEXT,
    date TEXT,
    date_text TEXT,
    year INTEGER,
    issued_by TEXT,
    term TEXT,
    title TEXT,
    form TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    line INTEGER NOT NULL,
    review_action TEXT,
    review_years INTEGER,
    review_text TEXT
  );
  CREATE INDEX citations_cited ON citations(cited_id);
  CREATE INDEX citations_document ON citations(document_id);
  CREATE INDEX citations_item ON citations(item_id);
  CREATE INDEX citations_reviews ON citations(cited_id, review_years) WHERE review_years IS NOT NULL;

  CREATE TABLE cited (
    cited_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    date TEXT,
    year INTEGER NOT NULL,
    issued_by TEXT,
    title TEXT,
    citations INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX cited_year ON cited(year);

  CREATE TABLE reviews (
    cited_id TEXT NOT NULL,
    year INTEGER,
    path TEXT NOT NULL,
    number TEXT,
    conference INTEGER NOT NULL,
    item INTEGER NOT NULL,
    item_id INTEGER NOT NULL,
    citation_id INTEGER NOT NULL,
    said TEXT NOT NULL,
    years INTEGER NOT NULL,
    line INTEGER NOT NULL,
    lead TEXT NOT NULL
  );
  CREATE INDEX reviews_cited ON reviews(cited_id, year, path, conference, item);

  CREATE TABLE search_rows (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
    task_id INTEGER REFERENCES tasks(id) ON DELETE CASCADE
  );
  CREATE INDEX search_rows_document ON search_rows(document_id);
  CREATE VIRTUAL TABLE search USING fts4(body, tokenize=simple);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
