/** Where a batch talks to the person running it: one redrawn status line on a terminal, plain lines otherwise. */
export interface ProgressOptions {
  /** Redraw a status line (stderr is a terminal and not --quiet). */
  live: boolean;
  /** Print failures and the closing summary (not --quiet). */
  verbose: boolean;
  /** Red for failures; off with NO_COLOR or when not a terminal. */
  color: boolean;
}

export interface Stream {
  write(text: string): unknown;
  columns?: number;
}

const REDRAW_MS = 100;

export class Progress {
  private done = 0;
  private errors = 0;
  private readonly started = Date.now();
  private drawnAt = 0;
  private drawn = 0;

  constructor(
    private readonly total: number,
    private readonly options: ProgressOptions,
    private readonly stream: Stream = process.stderr,
  ) {}

  get failed(): number {
    return this.errors;
  }

  tick(failed: boolean): void {
    this.done++;
    if (failed) this.errors++;
    if (this.options.live && (Date.now() - this.drawnAt >= REDRAW_MS || this.done === this.total)) this.draw();
  }

  /** A line that stays (a failure): written above the status line, which is then redrawn. */
  log(line: string): void {
    if (!this.options.verbose) return;
    this.clear();
    this.stream.write(`${line}\n`);
    if (this.options.live) this.draw();
  }

  finish(): void {
    this.clear();
  }

  red(text: string): string {
    return this.options.color ? `\x1b[31m${text}\x1b[39m` : text;
  }

  private draw(): void {
    this.drawnAt = Date.now();
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const left = rate > 0 ? (this.total - this.done) / rate : NaN;
    const errors = `${this.errors} ${this.errors === 1 ? 'error' : 'errors'}`;
    const parts = [`${this.done}/${this.total} files`, `${rate.toFixed(1)} files/s`, errors, `ETA ${clock(left)}`];
    let plain = parts.join('  ');
    const max = (this.stream.columns || 80) - 1; // 0 when the terminal does not say
    if (plain.length > max) plain = plain.slice(0, max);
    const shown = this.errors > 0 ? plain.replace(errors, this.red(errors)) : plain;
    // Pad over the previous line instead of an erase escape: \r and spaces work on any terminal.
    this.stream.write(`\r${shown}${' '.repeat(Math.max(0, this.drawn - plain.length))}`);
    this.drawn = plain.length;
  }

  private clear(): void {
    if (this.drawn === 0) return;
    this.stream.write(`\r${' '.repeat(this.drawn)}\r`);
    this.drawn = 0;
  }
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
