import type { Express } from 'express';
import { loadGraphiQLExamples } from '../graphiql/graphiql-examples';
import { GRAPHIQL_EXAMPLES_DIR } from '../graphiql/graphiql-paths';
import { graphiqlRouter } from '../graphiql/graphiql-router';

/** GraphiQL for browsers at GET <graphqlPath>, every asset served from this server (no CDN). */
export function mountGraphiQL(app: Express, graphqlPath: string): void {
  app.use(
    graphiqlRouter({
      graphqlPath,
      examples: loadGraphiQLExamples(GRAPHIQL_EXAMPLES_DIR),
      title: 'orgraph',
    }),
  );
}
