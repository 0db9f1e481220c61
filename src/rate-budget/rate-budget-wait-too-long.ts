/** The rate budget would make a call wait past its request's deadline. */
export class RateBudgetWaitTooLong extends Error {
  /** `waitMs`: the wait refused; `waitedMs`: how long the call had waited already. */
  constructor(
    readonly waitMs: number,
    readonly waitedMs = 0,
  ) {
    super(`the rate budget frees a call in ${waitMs} ms, past the request's deadline`);
    this.name = 'RateBudgetWaitTooLong';
  }
}
