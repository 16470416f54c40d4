/**
 * A count of loop iterations and characters scanned across the pipeline, so tests can check that
 * work grows linearly with the input by counting instead of timing. Regular expressions are
 * covered separately (every pattern is proven linear by the ReDoS test).
 */
export const meter = { units: 0 };

export function tick(n = 1): void {
  meter.units += n;
}
