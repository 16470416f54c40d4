/**
 * How the long-running commands (batch, index) take SIGINT and SIGTERM: the first stops the run
 * cleanly (whole files, a valid manifest), a second exits at once.
 */
export interface Interrupt {
  signal: AbortSignal;
  /** The exit status of a run the first signal stopped: 130 after SIGINT, 143 after SIGTERM. */
  readonly exitCode: number;
  /** Stops listening: call when the run is over. */
  dispose(): void;
}

export function listenForInterrupt(): Interrupt {
  const controller = new AbortController();
  let caught: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (caught) process.exit(signal === 'SIGINT' ? 130 : 143);
    caught = signal;
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    get exitCode() {
      return caught === 'SIGTERM' ? 143 : 130;
    },
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
