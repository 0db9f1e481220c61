import path from 'node:path';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { pathToArray } from 'graphql/jsutils/Path';
import { CALLER_CREDENTIAL_HEADERS } from '../../../src/providers/caller-credentials';
import { serveToySubgraph, type RunningToySubgraph } from './serve-toy-subgraph';
import { toyProblem } from './toy-problem';

export type Placement =
  'NONE' | 'PAGE' | 'ITEMS' | 'ITEM' | 'NO_PATH' | 'NULL_FIELD' | 'UNSELECTED_FIELD';

/** Where the extra error goes, after `page`'s own response path; undefined: no path at all. */
const PATH_SUFFIX: Record<Exclude<Placement, 'NONE'>, Array<string | number> | undefined> = {
  PAGE: [],
  ITEMS: ['items'],
  ITEM: ['items', 1],
  NO_PATH: undefined,
  NULL_FIELD: ['problem'],
  UNSELECTED_FIELD: ['note'],
};

export const CATALOG_ITEMS = [
  { id: '1', name: 'one' },
  { id: '2', name: 'two' },
];

/**
 * How catalog refuses half a Datadog key pair (a problem with the request's headers):
 * - `request-400`: HTTP 400 with `{ errors }` and no data, what orgraph does today;
 * - `request-200`: the same body with HTTP 200;
 * - `field-200`: HTTP 200 with `{ data: null, errors }`, the error at `page` (its non-null root).
 */
export type HeaderProblemAnswer = 'request-400' | 'request-200' | 'field-200';

export interface RunningCatalog extends RunningToySubgraph {
  /** Tests may change these between queries. */
  settings: { headerProblemAnswer: HeaderProblemAnswer };
}

interface CatalogContext extends BaseContext {
  /** Errors to add beside the data, as orgraph's PartialErrors does. */
  extraErrors: GraphQLError[];
  headerProblem?: GraphQLError;
}

const headerProblem = () =>
  new GraphQLError(
    `Send both ${CALLER_CREDENTIAL_HEADERS.datadogApiKey} and ${CALLER_CREDENTIAL_HEADERS.datadogAppKey}, or neither`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );

/** Adds the context's extra errors to the response, after the executor's own. */
const extraErrorsPlugin: ApolloServerPlugin<CatalogContext> = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response, contextValue }) {
        if (contextValue.extraErrors.length === 0 || response.body.kind !== 'single') {
          return Promise.resolve();
        }
        const result = response.body.singleResult;
        result.errors = [
          ...(result.errors ?? []),
          ...contextValue.extraErrors.map((e) => e.toJSON()),
        ];
        return Promise.resolve();
      },
    });
  },
};

export function startCatalog(): Promise<RunningCatalog> {
  const settings: RunningCatalog['settings'] = { headerProblemAnswer: 'request-400' };
  return serveToySubgraph<CatalogContext>({
    sdlFile: path.join(__dirname, 'catalog.graphql'),
    context({ req }) {
      const apiKey = req.headers[CALLER_CREDENTIAL_HEADERS.datadogApiKey];
      const appKey = req.headers[CALLER_CREDENTIAL_HEADERS.datadogAppKey];
      const context: CatalogContext = { extraErrors: [] };
      if ((apiKey === undefined) === (appKey === undefined)) return Promise.resolve(context);
      if (settings.headerProblemAnswer === 'field-200') {
        return Promise.resolve({ ...context, headerProblem: headerProblem() });
      }
      const status = settings.headerProblemAnswer === 'request-400' ? 400 : 200;
      const error = headerProblem();
      throw new GraphQLError(error.message, {
        extensions: { ...error.extensions, http: { status } },
      });
    },
    resolvers: {
      Query: {
        page(
          _source: unknown,
          { placement }: { placement: Placement },
          context: CatalogContext,
          info: GraphQLResolveInfo,
        ) {
          if (context.headerProblem) throw context.headerProblem;
          if (placement !== 'NONE') {
            const suffix = PATH_SUFFIX[placement];
            const errorPath = suffix && [...pathToArray(info.path), ...suffix];
            context.extraErrors.push(toyProblem(errorPath, info.fieldNodes));
          }
          return { items: CATALOG_ITEMS, problem: null, note: 'not selected by the tests' };
        },
        motd: () => null,
      },
      Item: {
        __resolveReference: ({ id }: { id: string }) =>
          CATALOG_ITEMS.find((item) => item.id === id),
      },
    },
    plugins: [extraErrorsPlugin],
  }).then((running) => ({ ...running, settings }));
}
