import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROUTER_KINDS, startRouter, type RouterKind, type RunningRouter } from '../support/routers';
import type { GraphQLResponse } from '../support/test-stack';
import {
  CATALOG_ITEMS,
  startCatalog,
  type HeaderProblemAnswer,
  type Placement,
  type RunningCatalog,
} from './toy-subgraphs/catalog-subgraph';
import { startReviews, type RunningReviews } from './toy-subgraphs/reviews-subgraph';
import { TOY_PROBLEM_EXTENSIONS, TOY_PROBLEM_MESSAGE } from './toy-subgraphs/toy-problem';

/**
 * What the client of each federation router receives when a subgraph answers with errors placed in
 * different ways: kept or dropped, at which path, with which extensions, beside which data. Two toy
 * subgraphs (catalog, and reviews extending its Item) stand for orgraph and a second subgraph, so
 * that each placement is tried alone. The tables below are the observed behaviour of
 * @apollo/gateway 2.14, Hive Gateway 2.15 with its JavaScript planner, and with the Rust router
 * runtime 1.4: a router upgrade that changes it fails here first.
 */

/** What the client selects under `page(placement: $placement)`. */
const SELECTIONS = {
  /** Only non-null fields. */
  bare: '{ items { id name } }',
  /** Also `problem`, nullable and null. */
  nullSelected: '{ items { id name } problem { code } }',
  /** Also reviews' `rating` (non-null here): the router fetches `_entities` from reviews too. */
  joined: '{ items { id name rating } }',
} as const;
type Selection = keyof typeof SELECTIONS | 'siblingNull';

function pageQuery(selection: Selection): string {
  if (selection === 'siblingNull') {
    // Beside `page`, catalog's `motd`, a nullable root field that is null, from the same fetch.
    return `query ($placement: Placement!) { page(placement: $placement) ${SELECTIONS.bare} motd }`;
  }
  return `query ($placement: Placement!) { page(placement: $placement) ${SELECTIONS[selection]} }`;
}

/** The data every router returns for a page query: the subgraphs' data is always kept whole. */
function pageData(selection: Selection, ratings: Array<number | null> = [4, 5]) {
  const items = CATALOG_ITEMS.map(({ id, name }, index) =>
    selection === 'joined' ? { id, name, rating: ratings[index] } : { id, name },
  );
  if (selection === 'nullSelected') return { page: { items, problem: null } };
  if (selection === 'siblingNull') return { page: { items }, motd: null };
  return { page: { items } };
}

/** The toy error as a client receives it: routers add the subgraph's name to its extensions. */
function problemAt(
  path: Array<string | number> | undefined,
  options: { subgraph?: string; locations?: boolean } = {},
) {
  return {
    message: TOY_PROBLEM_MESSAGE,
    ...(options.locations ? { locations: [expect.any(Object)] } : {}),
    ...(path ? { path } : {}),
    extensions: { ...TOY_PROBLEM_EXTENSIONS, serviceName: options.subgraph ?? 'catalog' },
  };
}

/** The response as a client sees it from a router deployed with NODE_ENV=production. */
function clientView(response: GraphQLResponse<unknown>) {
  // @apollo/gateway runs in-process here, where jest's NODE_ENV=test makes Apollo Server add
  // `extensions.stacktrace` to every error; production leaves it out.
  const errors = response.errors?.map((error) => {
    if (!error.extensions) return error;
    const extensions = { ...error.extensions };
    delete extensions.stacktrace;
    return { ...error, extensions };
  });
  return { ...response, ...(errors ? { errors } : {}) };
}

const DROPPED = 'dropped';
/** Where the client sees the error: a path (undefined: no path), or DROPPED. */
type Seen =
  | Array<string | number>
  | undefined
  | typeof DROPPED
  | { relocatedTo: Array<string | number>; locations: boolean };
type PlacementTable = Record<Exclude<Placement, 'NONE'>, Record<Selection, Seen>>;

const SUBGRAPH_PATHS: Record<Exclude<Placement, 'NONE'>, Array<string | number> | undefined> = {
  PAGE: ['page'],
  ITEMS: ['page', 'items'],
  ITEM: ['page', 'items', 1],
  NO_PATH: undefined,
  NULL_FIELD: ['page', 'problem'],
  UNSELECTED_FIELD: ['page', 'note'],
};

function everywhere(seen: (placement: Exclude<Placement, 'NONE'>) => Seen): PlacementTable {
  const table = {} as PlacementTable;
  for (const placement of Object.keys(SUBGRAPH_PATHS) as Array<Exclude<Placement, 'NONE'>>) {
    const at = seen(placement);
    table[placement] = { bare: at, nullSelected: at, joined: at, siblingNull: at };
  }
  return table;
}

/** Where each router's client sees catalog's extra error, by placement and selection. */
const PLACEMENTS: Record<RouterKind, PlacementTable> = {
  // Every error as the subgraph placed it, a pathless one without a path.
  'apollo-gateway': everywhere((placement) => SUBGRAPH_PATHS[placement]),
  // Every error as the subgraph placed it; a pathless one at the path of the fetch's root field.
  'hive-rust': everywhere((placement) => SUBGRAPH_PATHS[placement] ?? ['page']),
  // An error is kept only when its path ends at a null in the subgraph's data (`problem`), or when
  // a field under the object where its path stops resolves to null in the client's selection. Then
  // it keeps its path; a pathless one takes that null field's path. Otherwise it is dropped,
  // silently: the client gets the data and no error.
  'hive-js': {
    PAGE: { bare: DROPPED, nullSelected: ['page'], joined: DROPPED, siblingNull: DROPPED },
    ITEMS: {
      bare: DROPPED,
      nullSelected: ['page', 'items'],
      joined: DROPPED,
      siblingNull: DROPPED,
    },
    ITEM: {
      bare: DROPPED,
      nullSelected: ['page', 'items', 1],
      joined: DROPPED,
      siblingNull: DROPPED,
    },
    NO_PATH: {
      bare: DROPPED,
      nullSelected: { relocatedTo: ['page', 'problem'], locations: true },
      joined: DROPPED,
      siblingNull: { relocatedTo: ['motd'], locations: false },
    },
    NULL_FIELD: {
      bare: DROPPED,
      nullSelected: ['page', 'problem'],
      joined: DROPPED,
      siblingNull: DROPPED,
    },
    UNSELECTED_FIELD: {
      bare: DROPPED,
      nullSelected: ['page', 'note'],
      joined: DROPPED,
      siblingNull: DROPPED,
    },
  },
};

function describeSeen(seen: Seen): string {
  if (seen === DROPPED) return 'dropped';
  if (seen === undefined) return 'kept, with no path';
  if (Array.isArray(seen)) return `kept at ${seen.join('.')}`;
  return `moved to ${seen.relocatedTo.join('.')}`;
}

function expectedErrors(seen: Seen) {
  if (seen === DROPPED) return undefined;
  if (seen && !Array.isArray(seen)) {
    return [problemAt(seen.relocatedTo, { locations: seen.locations })];
  }
  return [problemAt(seen)];
}

/**
 * catalog refuses half a Datadog key pair. What the client sees, by router and by how catalog
 * answers (see HeaderProblemAnswer). Every router answers HTTP 200.
 */
const HALF_KEY_PAIR = 'Send both x-datadog-api-key and x-datadog-application-key, or neither';
const badUserInput = (message: string, path?: string[]) => ({
  message,
  ...(path ? { path } : {}),
  extensions: { code: 'BAD_USER_INPUT', serviceName: 'catalog' },
});
const HEADER_PROBLEMS: Record<
  RouterKind,
  Record<HeaderProblemAnswer, { errors: unknown[]; hasData: boolean }>
> = {
  'apollo-gateway': {
    // The subgraph's error only inside `extensions.response.body`; the client's is a generic
    // INTERNAL_SERVER_ERROR.
    'request-400': {
      errors: [
        {
          message: '400: Bad Request',
          extensions: {
            code: 'INTERNAL_SERVER_ERROR',
            response: {
              url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/),
              status: 400,
              statusText: 'Bad Request',
              body: {
                errors: [{ message: HALF_KEY_PAIR, extensions: { code: 'BAD_USER_INPUT' } }],
              },
            },
          },
        },
      ],
      hasData: true,
    },
    'request-200': { errors: [badUserInput(HALF_KEY_PAIR)], hasData: true },
    'field-200': { errors: [badUserInput(HALF_KEY_PAIR, ['page'])], hasData: true },
  },
  // Both Hive planners read the error out of an HTTP 400 as well, and place it at the root field.
  'hive-js': {
    'request-400': { errors: [badUserInput(HALF_KEY_PAIR, ['page'])], hasData: true },
    'request-200': { errors: [badUserInput(HALF_KEY_PAIR, ['page'])], hasData: true },
    'field-200': { errors: [badUserInput(HALF_KEY_PAIR, ['page'])], hasData: true },
  },
  // The same, with no `data` key at all (not even `data: null`).
  'hive-rust': {
    'request-400': { errors: [badUserInput(HALF_KEY_PAIR, ['page'])], hasData: false },
    'request-200': { errors: [badUserInput(HALF_KEY_PAIR, ['page'])], hasData: false },
    'field-200': { errors: [badUserInput(HALF_KEY_PAIR, ['page'])], hasData: false },
  },
};

/** reviews fails item 2 (index 1 of `_entities`): where its error reaches the client. */
const ENTITY_ERRORS: Record<RouterKind, Record<'field' | 'entity', Array<string | number>>> = {
  'apollo-gateway': { field: ['page', 'items', 1, 'rating'], entity: ['page', 'items', 1] },
  'hive-rust': { field: ['page', 'items', 1, 'rating'], entity: ['page', 'items', 1] },
  // The list index is lost; an entity's error moves to the field that became null.
  'hive-js': { field: ['page', 'items', 'rating'], entity: ['page', 'items', 'rating'] },
};

describe.each(ROUTER_KINDS)('what a client of %s sees of subgraph errors', (kind) => {
  let catalog: RunningCatalog;
  let reviews: RunningReviews;
  let router: RunningRouter;

  beforeAll(async () => {
    catalog = await startCatalog();
    reviews = await startReviews();
    router = await startRouter(kind, [
      { name: 'catalog', url: catalog.url },
      { name: 'reviews', url: reviews.url },
    ]);
  });

  afterAll(async () => {
    await router?.stop();
    await reviews?.stop();
    await catalog?.stop();
  });

  const cases = Object.entries(PLACEMENTS[kind]).flatMap(([placement, bySelection]) =>
    Object.entries(bySelection).map(([selection, seen]) => ({
      placement: placement as Placement,
      selection: selection as Selection,
      seen,
      shown: describeSeen(seen),
    })),
  );

  it.each(cases)(
    'an error placed $placement, client selection $selection: $shown',
    async ({ placement, selection, seen }) => {
      const response = clientView(await router.query(pageQuery(selection), { placement }));
      expect(response).toEqual({
        status: 200,
        data: pageData(selection),
        errors: expectedErrors(seen),
      });
    },
  );

  it('answers without errors when no subgraph adds one', async () => {
    for (const selection of ['bare', 'nullSelected', 'joined', 'siblingNull'] as const) {
      const response = await router.query(pageQuery(selection), { placement: 'NONE' });
      expect(response).toEqual({ status: 200, data: pageData(selection) });
    }
  });

  it.each(['field', 'entity'] as const)(
    "passes on an `_entities` error (reviews' %s fails for item 2) with the healthy data",
    async (at) => {
      reviews.failure.ids = ['2'];
      reviews.failure.at = at;
      try {
        const response = clientView(await router.query(pageQuery('joined'), { placement: 'NONE' }));
        expect(response).toEqual({
          status: 200,
          data: pageData('joined', [4, null]),
          errors: [problemAt(ENTITY_ERRORS[kind][at], { subgraph: 'reviews' })],
        });
      } finally {
        reviews.failure.ids = [];
      }
    },
  );

  it.each(['request-400', 'request-200', 'field-200'] as const)(
    'passes on a request-header problem that catalog answers %s',
    async (answer) => {
      catalog.settings.headerProblemAnswer = answer;
      try {
        // The router forwards the caller's credential headers: catalog sees half a key pair.
        const response = clientView(
          await router.query(
            pageQuery('bare'),
            { placement: 'NONE' },
            {
              'x-datadog-api-key': 'only-the-api-key',
            },
          ),
        );
        const expected = HEADER_PROBLEMS[kind][answer];
        expect(response).toEqual({
          status: 200,
          ...(expected.hasData ? { data: null } : {}),
          errors: expected.errors,
        });
        expect('data' in response).toBe(expected.hasData);
      } finally {
        catalog.settings.headerProblemAnswer = 'request-400';
      }
    },
  );
});
