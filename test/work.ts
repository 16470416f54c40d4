import { meter } from '../src/meter.js';
import { parse } from '../src/parse.js';

/** Work (counted, not timed) per character of a text built from `n` repetitions of a unit. */
export function workPerChar(make: (n: number) => string, n: number): number {
  const text = make(n);
  meter.units = 0;
  parse(text);
  return meter.units / text.length;
}
