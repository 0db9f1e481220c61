import type { Logger } from 'pino';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
type StopSignal = (typeof SIGNALS)[number];

/**
 * Signals this soon after the first are the same request to stop: a Ctrl-C under `npm start` reaches
 * orgraph twice at once (the terminal signals the whole process group, and npm forwards its copy).
 */
const SAME_REQUEST_MS = 1_000;
/** A forced exit reports the signal as a shell would a process it killed: 128 + its number. */
const FORCED_EXIT_CODE: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * On SIGTERM or SIGINT, runs `stop` (which drains: no new connections, requests in flight finish) and
 * exits 0, or 1 if stopping failed. Another signal while it drains exits at once.
 */
export function shutdownOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let firstAt: number | undefined;
  const onSignal = (signal: StopSignal) => {
    if (firstAt !== undefined) {
      if (Date.now() - firstAt < SAME_REQUEST_MS) return;
      logger.warn(`${signal} again: exiting without waiting for the requests in flight`);
      process.exit(FORCED_EXIT_CODE[signal]);
    }
    firstAt = Date.now();
    logger.info(`${signal}: stopping once the requests in flight are answered (again to force)`);
    stop().then(
      () => {
        logger.info('orgraph stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'orgraph could not stop cleanly');
        process.exit(1);
      },
    );
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
}
