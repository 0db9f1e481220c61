/** Each answer's timer, until its body is read (see bodyRead). */
const bodyTimers = new WeakMap<Response, NodeJS.Timeout>();

/**
 * One attempt's time limit: a signal that aborts with a TimeoutError after `ms`, as
 * `AbortSignal.timeout(ms)` does, the answer's body included. On a plain timer, cleared once the
 * attempt is over: in Node 20, AbortSignal.timeout costs microseconds per call, a weak reference and
 * a finalization registration, and leaves its timer pending for the whole `ms` after every attempt.
 */
export class AttemptTimeout {
  readonly signal: AbortSignal;
  private readonly timer: NodeJS.Timeout;

  constructor(ms: number) {
    const controller = new AbortController();
    this.signal = controller.signal;
    this.timer = setTimeout(() => {
      controller.abort(
        new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
      );
    }, ms);
    // A pending limit must not hold a stopping process.
    this.timer.unref();
  }

  /** The attempt ended without an answer. */
  cancel(): void {
    clearTimeout(this.timer);
  }

  /** The attempt's answer: the limit still covers reading its body, until bodyRead. */
  answered(response: Response): Response {
    bodyTimers.set(response, this.timer);
    return response;
  }
}

/** The body of `response` was read or let go: its attempt's time limit is over. */
export function bodyRead(response: Response): void {
  clearTimeout(bodyTimers.get(response));
  bodyTimers.delete(response);
}
