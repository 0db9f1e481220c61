import type { Express } from 'express';

/** Placeholder until the GraphiQL router lands (issue 4). */
export function mountGraphiQL(_app: Express, _graphqlPath: string): void {}
