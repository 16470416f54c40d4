import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBatch, type BatchOptions, type BatchSummary } from '../batch/run.js';
import { MANIFEST_NAME, readManifest, type ManifestLine } from '../batch/manifest.js';
import { vanbanVersion } from '../batch/version.js';
import { InputError } from '../errors.js';
import type { Programme } from '../model/programme.js';
import { defaultMatchers } from '../recognise/compile.js';
import { cannot } from '../system-error.js';
import { ArchiveDb } from './db.js';
import { Store, type StoredDocument } from './store.js';

export interface IndexOptions extends Omit<BatchOptions, 'resume'> {
  db: string;
}

export interface IndexSummary {
  batch: BatchSummary;
  /** Documents stored for the first time, or again because their file changed. */
  added: number;
  updated: number;
  removed: number;
  /** Documents whose file and vanban version are as the database holds them. */
  kept: number;
  documents: number;
}

/**
 * `vanban index`: the archive converted by the batch pipeline (always resuming: a file whose
 * sha256 is in the manifest is not parsed again), then the database brought to match it — new
 * and changed documents stored, those no longer among the inputs (or no longer readable) removed.
 */
export async function indexArchive(options: IndexOptions): Promise<IndexSummary> {
  const batch = await runBatch({ ...options, resume: true });
  const archive = await ArchiveDb.open(options.db, { create: true });
  try {
    const zero = { added: 0, updated: 0, removed: 0, kept: 0 };
    if (batch.interrupted) return { batch, ...zero, documents: countDocuments(archive) };
    const manifest = join(options.out, MANIFEST_NAME);
    const history = await readManifest(manifest).catch((error: unknown) => Promise.reject(cannot('read', manifest, error)));
    // By path: rows get their ids in the same order whatever order the workers finished in.
    const present = history.lines
      .filter((l) => l.run === batch.run && (l.status === 'ok' || l.status === 'unchanged') && l.output && l.sha256)
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

    const version = vanbanVersion();
    // Another vanban read the files differently: every document is stored again.
    const sameVersion = archive.meta('vanban_version') === version;
    const store = new Store(archive, defaultMatchers());
    const stored = store.stored();
    const matched = matchStored(present, stored);
    const counts = { ...zero };
    archive.db.exec('BEGIN');
    try {
      const kept = new Set([...matched.values()].map((d) => d.id));
      for (const { id } of stored.values()) {
        if (kept.has(id)) continue;
        store.remove(id);
        counts.removed++;
      }
      for (const line of present) {
        const before = matched.get(line);
        if (before && sameVersion && before.sha256 === line.sha256) {
          if (before.path !== line.path) store.rename(before.id, line.path);
          counts.kept++;
          continue;
        }
        const model = await readModel(join(options.out, line.output!));
        if (before) store.remove(before.id);
        store.put(line.path, model, line.output);
        counts[before ? 'updated' : 'added']++;
      }
      store.refreshDerived();
      // One b-tree instead of a segment per batch of inserts: a query reads each word's list once.
      if (counts.added + counts.updated + counts.removed > 0) archive.db.exec("INSERT INTO search(search) VALUES('optimize')");
      store.finish();
      archive.setMeta('vanban_version', version);
      archive.setMeta('indexed_at', new Date().toISOString());
      archive.setMeta('out', options.out);
      archive.db.exec('COMMIT');
    } catch (error) {
      store.finish();
      archive.db.exec('ROLLBACK');
      throw error;
    }
    await archive.save();
    return { batch, ...counts, documents: countDocuments(archive) };
  } finally {
    archive.close();
  }
}

/**
 * Each input's stored document: the one at its path, else the one read from the same .json file
 * (the same folder named another way, relative then absolute: its documents are kept, not stored
 * again). A document answers one input at most; paths are matched first.
 */
function matchStored(present: readonly ManifestLine[], stored: ReadonlyMap<string, StoredDocument>): Map<ManifestLine, StoredDocument> {
  const matched = new Map<ManifestLine, StoredDocument>();
  const taken = new Set<number>();
  for (const line of present) {
    const at = stored.get(line.path);
    if (!at) continue;
    matched.set(line, at);
    taken.add(at.id);
  }
  const byJson = new Map([...stored.values()].flatMap((d) => (d.json !== null && !taken.has(d.id) ? [[d.json, d] as const] : [])));
  for (const line of present) {
    const same = matched.has(line) ? undefined : byJson.get(line.output!);
    if (!same || taken.has(same.id)) continue;
    matched.set(line, same);
    taken.add(same.id);
  }
  return matched;
}

function countDocuments(archive: ArchiveDb): number {
  return Number(archive.get('SELECT COUNT(*) AS n FROM documents')?.n ?? 0);
}

async function readModel(path: string): Promise<Programme> {
  const text = await readFile(path, 'utf8').catch((error: unknown) => Promise.reject(cannot('read', path, error)));
  try {
    return JSON.parse(text) as Programme;
  } catch {
    throw new InputError('not JSON (changed since the batch wrote it?)', path);
  }
}

/** The closing line of `vanban index` on stderr. */
export function indexLine(s: IndexSummary, db: string, lang: 'vi' | 'en'): string {
  if (lang === 'vi') {
    return `vanban index: ${db}: ${s.documents} văn bản (${s.added} thêm, ${s.updated} cập nhật, ${s.removed} xóa, ${s.kept} giữ nguyên); ${s.batch.failed} tệp lỗi`;
  }
  return `vanban index: ${db}: ${s.documents} documents (${s.added} added, ${s.updated} updated, ${s.removed} removed, ${s.kept} kept); ${s.batch.failed} files failed`;
}
