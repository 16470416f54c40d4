import { markFor } from './marks.js';
import type { IngestMessage } from './types.js';

/** Warnings of one source past this many say nothing more: they are counted in one line. */
export const MAX_MESSAGES = 50;

/** Distinct warnings of one source: the first MAX_MESSAGES, and a count of the rest. */
export class Warnings {
  private readonly seen = new Set<string>();
  private readonly kept: IngestMessage[] = [];

  /** Keeps a new warning; returns the mark that places it in the text (see ./marks.ts). */
  readonly add = (message: string, messageVi: string): string => {
    if (this.seen.has(message)) return '';
    this.seen.add(message);
    if (this.seen.size > MAX_MESSAGES) return '';
    this.kept.push({ severity: 'warning', message, messageVi });
    return markFor(this.kept.length - 1);
  };

  /** The warnings, placed where their marks stood in the text read (`at`, from takeMarks). */
  all(at: Map<number, { line: number; column: number }> = new Map()): IngestMessage[] {
    const kept = this.kept.map((m, i) => ({ ...m, ...at.get(i) }));
    const rest = this.seen.size - MAX_MESSAGES;
    if (rest <= 0) return kept;
    const [en, vi] = [rest.toLocaleString('en'), rest.toLocaleString('vi')];
    return [...kept, { severity: 'warning', message: `${en} more warnings like these were left out`, messageVi: `còn ${vi} cảnh báo tương tự không được liệt kê` }];
  }
}
