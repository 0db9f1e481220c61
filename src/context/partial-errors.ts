import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { pathToArray } from 'graphql/jsutils/Path';
import type { Logger } from 'pino';
import { ErrorCode } from '../errors/error-code';
import { responseKeyOf } from '../graph/common/selects-field';
import type { ProviderProblem } from '../graph/provider/provider-problem.type';
import type { Provider } from '../model/provider';

export interface PartialErrorOptions {
  /**
   * The provider that failed, when the failure leaves a page of a list incomplete: it joins the
   * page's `unavailableProviders` (problemsAt), and the page's total becomes unknown.
   */
  provider?: Provider;
  /** Whether the provider's other calls for the list answered: some of its items are in. */
  answeredInPart?: boolean;
  /** Appended to the field's path (an index in a list, say). */
  pathSuffix?: ReadonlyArray<string | number>;
}

/**
 * Errors of providers that failed while others answered. The field still resolves with the data it has;
 * these join the response's `errors` (see partialErrorsPlugin), and a list's page names its failed
 * providers in `unavailableProviders` (problemsAt).
 *
 * Where such an error points matters to routers: Hive Gateway's JavaScript planner drops an error whose
 * path ends on non-null data, and keeps one that ends on a null (as the spec ties errors to nulls).
 * So a page's error points at its `totalCount` when the query asks for it: null, since the total of a
 * list a provider did not answer is unknown. Otherwise it points at the page itself, which
 * @apollo/gateway and Hive's Rust planner keep; `unavailableProviders` reaches every client as data.
 */
export class PartialErrors {
  private readonly errors: GraphQLError[] = [];
  /** One error per path, message and code: 5,000 organizations failing alike make one error, not 5,000. */
  private readonly seen = new Set<string>();
  /** Problems by the path of the list field they leave incomplete. */
  private readonly problems = new Map<string, ProviderProblem[]>();

  constructor(private readonly logger: Logger) {}

  add(error: unknown, info: GraphQLResolveInfo, options: PartialErrorOptions = {}): void {
    const original = error instanceof GraphQLError ? error : undefined;
    // Not raised on purpose: a bug. The caller sees a generic message, the log the whole error.
    if (!original) this.logger.error({ err: error }, 'unexpected error in a partial result');
    const fieldPath = pathToArray(info.path);
    const total = options.provider ? responseKeyOf(info, 'totalCount') : undefined;
    const path = [
      ...fieldPath,
      ...(options.pathSuffix ?? []),
      ...(total !== undefined ? [total] : []),
    ];
    const message = original?.message ?? 'Internal server error';
    const extensions = original?.extensions ?? { code: ErrorCode.INTERNAL_SERVER_ERROR };
    if (options.provider) {
      this.addProblem(fieldPath, {
        provider: options.provider,
        code: String(extensions.code),
        message,
        retryAfterSeconds:
          typeof extensions.retryAfterSeconds === 'number'
            ? extensions.retryAfterSeconds
            : undefined,
        answeredInPart: options.answeredInPart ?? false,
      });
    }
    const key = JSON.stringify([path, message, extensions.code, extensions.provider]);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.errors.push(new GraphQLError(message, { nodes: info.fieldNodes, path, extensions }));
  }

  /** The providers that left the list at this field incomplete, one entry per provider and code. */
  problemsAt(info: GraphQLResolveInfo): ProviderProblem[] {
    return this.problems.get(pathToArray(info.path).join('.')) ?? [];
  }

  all(): readonly GraphQLError[] {
    return this.errors;
  }

  private addProblem(fieldPath: ReadonlyArray<string | number>, problem: ProviderProblem): void {
    const key = fieldPath.join('.');
    const list = this.problems.get(key) ?? [];
    const same = list.find((p) => p.provider === problem.provider && p.code === problem.code);
    if (same) {
      // Part of a provider answered if any of its calls did.
      same.answeredInPart ||= problem.answeredInPart;
      return;
    }
    list.push(problem);
    this.problems.set(key, list);
  }
}
