/**
 * Waits until just after the start of an emulator rate window of `periodSeconds`. The emulators'
 * windows are aligned to the clock (as fixed-window limiters count), so a test whose calls must share
 * one window starts here: a busy machine then cannot split them across a boundary.
 */
export function rateWindowStart(periodSeconds: number): Promise<void> {
  const periodMs = periodSeconds * 1000;
  return new Promise((resolve) => setTimeout(resolve, periodMs - (Date.now() % periodMs) + 10));
}
