import { readFile } from 'node:fs/promises';
import type { Database, SqlValue } from 'sql.js';
import { writeAtomic } from '../batch/atomic.js';
import { InputError } from '../errors.js';
import { cannot } from '../system-error.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { sqlite } from './sqlite.js';

export type Row = Record<string, SqlValue>;

/**
 * An archive database held in memory: read whole from its file, written back whole and atomically
 * (a temporary file renamed over it), so a run killed while indexing leaves the last good file.
 */
export class ArchiveDb {
  private constructor(
    readonly path: string,
    readonly db: Database,
  ) {}

  /**
   * Opens `path`; a missing file is a new, empty archive when `create` is set. A file that is not
   * a vanban archive, or one made by a newer vanban, is refused with one line naming it.
   */
  static async open(path: string, { create = false } = {}): Promise<ArchiveDb> {
    const SQL = await sqlite();
    let bytes: Buffer | null = null;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !create) throw cannot('read', path, error);
    }
    let db: Database;
    try {
      db = new SQL.Database(bytes);
      db.exec('PRAGMA foreign_keys = ON');
    } catch {
      throw new InputError('not an SQLite database', path);
    }
    const archive = new ArchiveDb(path, db);
    archive.migrate(bytes === null || bytes.length === 0);
    registerFunctions(db);
    return archive;
  }

  /** The schema version the file was at; brings it to the current one. */
  private migrate(empty: boolean): void {
    const version = empty ? 0 : this.version();
    if (version > SCHEMA_VERSION) throw new InputError(`archive schema version ${version} is newer than this vanban's (${SCHEMA_VERSION}): update vanban`, this.path);
    for (let v = version; v < SCHEMA_VERSION; v++) {
      this.db.exec('BEGIN');
      this.db.exec(MIGRATIONS[v]!);
      this.db.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", [String(v + 1)]);
      this.db.exec('COMMIT');
    }
  }

  private version(): number {
    let value: SqlValue | undefined;
    try {
      value = this.db.exec("SELECT value FROM meta WHERE key = 'schema_version'")[0]?.values[0]?.[0];
    } catch {
      throw new InputError('not a vanban archive (no meta table); make one with "vanban index"', this.path);
    }
    const version = Number(value);
    if (!Number.isInteger(version) || version < 1) throw new InputError('not a vanban archive (no schema version)', this.path);
    return version;
  }

  /** Every row of a query as an object. */
  all(sql: string, params: SqlValue[] = []): Row[] {
    const statement = this.db.prepare(sql);
    try {
      statement.bind(params);
      const rows: Row[] = [];
      // getAsObject asks for the column names again on every row: once is enough.
      let columns: string[] | null = null;
      while (statement.step()) {
        columns ??= statement.getColumnNames();
        const values = statement.get();
        const row: Row = {};
        for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i]!;
        rows.push(row);
      }
      return rows;
    } finally {
      statement.free();
    }
  }

  get(sql: string, params: SqlValue[] = []): Row | undefined {
    return this.all(sql, params)[0];
  }

  setMeta(key: string, value: string): void {
    this.db.run('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)', [key, value]);
  }

  meta(key: string): string | null {
    const row = this.get('SELECT value FROM meta WHERE key = ?', [key]);
    return row ? String(row.value) : null;
  }

  async save(): Promise<void> {
    const bytes = this.db.export();
    // export() resets the connection's settings and functions.
    this.db.exec('PRAGMA foreign_keys = ON');
    registerFunctions(this.db);
    await writeAtomic(this.path, bytes).catch((error: unknown) => Promise.reject(cannot('write', this.path, error)));
  }

  close(): void {
    this.db.close();
  }
}

/** rank(matchinfo(search, 'pcnalx')): Okapi BM25 of a full-text match, higher is better. */
function registerFunctions(db: Database): void {
  db.create_function('bm25', (blob) => (blob instanceof Uint8Array ? bm25(blob) : 0));
}

export function bm25(blob: Uint8Array): number {
  const info = new Uint32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4);
  const [phrases = 0, columns = 0, rows = 0] = info;
  const average = info[3]!;
  const length = info[3 + columns]!;
  const k1 = 1.2;
  const b = 0.75;
  let score = 0;
  const x = 3 + 2 * columns;
  for (let p = 0; p < phrases; p++) {
    for (let c = 0; c < columns; c++) {
      const at = x + 3 * (c + p * columns);
      const hits = info[at]!;
      const containing = info[at + 2]!;
      const idf = Math.log((rows - containing + 0.5) / (containing + 0.5) + 1);
      score += (idf * hits * (k1 + 1)) / (hits + k1 * (1 - b + (b * length) / Math.max(1, average)));
    }
  }
  return score;
}
