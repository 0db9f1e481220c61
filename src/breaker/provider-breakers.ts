import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { Provider } from '../model/provider';

export interface BreakerSettings {
  /** Consecutive failed attempts that open a breaker. */
  failures: number;
  /** How long an open breaker fails calls fast before one probe call decides. */
  cooldownMs: number;
}

/**
 * A circuit breaker per provider and base URL (cockatiel), kept in each process: after `failures`
 * consecutive failed attempts, calls fail fast for a cool-down, then one probe call decides. Per
 * provider rather than per credential: what counts (timeouts, 5xx) is the provider's, whoever calls.
 */
export class ProviderBreakers {
  private readonly breakers = new Map<
    string,
    { provider: Provider; policy: CircuitBreakerPolicy }
  >();
  /** When each open breaker opened: cockatiel moves to half-open only when a call comes. */
  private readonly openedAt = new Map<string, number>();

  /** `onOpen`: told each time a breaker opens (metrics). */
  constructor(
    private readonly settings: BreakerSettings,
    private readonly logger: Logger,
    private readonly onOpen: (provider: Provider) => void = () => undefined,
  ) {}

  /** Runs one attempt; throws BrokenCircuitError while open. Answers of 5xx count as failures. */
  async run(provider: Provider, baseUrl: string, send: () => Promise<Response>): Promise<Response> {
    const breaker = this.breaker(provider, baseUrl);
    try {
      return await breaker.execute(async () => {
        const response = await send();
        // Only the provider's own trouble counts: 5xx and 408 (and timeouts, network errors).
        if (response.status >= 500 || response.status === 408)
          throw new ProviderFailureWith(response);
        return response;
      });
    } catch (error) {
      // A 5xx is an answer the retry rules still read; the breaker only had to count it.
      if (error instanceof ProviderFailureWith) return error.response;
      throw error;
    }
  }

  /** False while a breaker is open and its cool-down runs: a call would be refused. */
  acceptsCalls(provider: Provider, baseUrl: string): boolean {
    const opened = this.openedAt.get(key(provider, baseUrl));
    return opened === undefined || Date.now() - opened >= this.settings.cooldownMs;
  }

  state(provider: Provider, baseUrl: string): BreakerState {
    return stateName(this.breakers.get(key(provider, baseUrl))?.policy.state);
  }

  /** Every breaker's state (one per provider and base URL; none until its first call), for metrics. */
  *states(): Iterable<readonly [Provider, BreakerState]> {
    for (const { provider, policy } of this.breakers.values()) {
      yield [provider, stateName(policy.state)];
    }
  }

  /** Every breaker closed, as at start (tests). */
  reset(): void {
    this.breakers.clear();
    this.openedAt.clear();
  }

  private breaker(provider: Provider, baseUrl: string): CircuitBreakerPolicy {
    const k = key(provider, baseUrl);
    let breaker = this.breakers.get(k)?.policy;
    if (!breaker) {
      breaker = circuitBreaker(
        // Errors orgraph raises itself (a rate turn refused, a budget spent) are not the provider's.
        handleWhen(
          (error) => !(error instanceof BrokenCircuitError) && !(error instanceof GraphQLError),
        ),
        {
          halfOpenAfter: this.settings.cooldownMs,
          breaker: new ConsecutiveBreaker(this.settings.failures),
        },
      );
      breaker.onBreak(() => {
        this.openedAt.set(k, Date.now());
        this.onOpen(provider);
        this.logger.warn({ provider }, 'breaker: open, failing calls fast');
      });
      breaker.onHalfOpen(() => this.openedAt.delete(k));
      breaker.onReset(() => {
        this.openedAt.delete(k);
        this.logger.info({ provider }, 'breaker: closed again');
      });
      this.breakers.set(k, { provider, policy: breaker });
    }
    return breaker;
  }
}

/** Carries a 5xx answer through the breaker, which counts it as a failure. */
class ProviderFailureWith extends Error {
  constructor(readonly response: Response) {
    super(`provider answered ${response.status}`);
  }
}

export type BreakerState = 'closed' | 'open' | 'half-open';

function stateName(state: CircuitState = CircuitState.Closed): BreakerState {
  if (state === CircuitState.HalfOpen) return 'half-open';
  return state === CircuitState.Closed ? 'closed' : 'open';
}

function key(provider: Provider, baseUrl: string): string {
  return `${provider} ${baseUrl}`;
}
