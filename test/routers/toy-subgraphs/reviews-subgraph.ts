import path from 'node:path';
import { serveToySubgraph, type RunningToySubgraph } from './serve-toy-subgraph';
import { toyProblem } from './toy-problem';

/**
 * Which items' reviews fail, and how:
 * - `field`: the `rating` resolver throws: the error's path is `["_entities", i, "rating"]`, rating null;
 * - `entity`: `__resolveReference` throws: path `["_entities", i]`, the whole entity null.
 */
export interface ReviewsFailure {
  ids: string[];
  at: 'field' | 'entity';
}

export interface RunningReviews extends RunningToySubgraph {
  /** Tests may change it between queries; none fail by default. */
  failure: ReviewsFailure;
}

interface ItemRef {
  id: string;
}

export function startReviews(): Promise<RunningReviews> {
  const failure: ReviewsFailure = { ids: [], at: 'field' };
  const fails = (id: string, at: ReviewsFailure['at']) =>
    failure.at === at && failure.ids.includes(id);
  return serveToySubgraph({
    sdlFile: path.join(__dirname, 'reviews.graphql'),
    context: () => Promise.resolve({}),
    resolvers: {
      Item: {
        // Thrown without a path: graphql-js places them, as any subgraph's resolver errors. Async, as
        // a reference resolver that loads something is: a synchronous throw would fail all of
        // `_entities` at once, not the one representation.
        __resolveReference(ref: ItemRef) {
          if (fails(ref.id, 'entity')) return Promise.reject(toyProblem());
          return Promise.resolve(ref);
        },
        rating(item: ItemRef) {
          if (fails(item.id, 'field')) throw toyProblem();
          return Number(item.id) + 3;
        },
      },
    },
  }).then((running) => ({ ...running, failure }));
}
