/** The rate budget would make a call wait past its request's deadline. */
export class RateBudgetWaitTooLong extends Error {
  constructor(readonly waitMs: number) {
    super(`the rate budget frees a call in ${waitMs} ms, past the request's deadline`);
    this.name = 'RateBudgetWaitTooLong';
  }
}
