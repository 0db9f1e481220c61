/**
 * Mesh Compose configuration: the three providers' OpenAPI documents (./openapi/) as one supergraph for
 * Hive Gateway. `mesh-compose` loads it with its working directory here (compose-supergraph.ts), and
 * the base URLs of this run come from the environment. Credentials stay `{env.…}` templates that the
 * gateway fills in from its own environment on every upstream call, so the supergraph file holds none.
 */
import { defineConfig } from '@graphql-mesh/compose-cli';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`mesh.config.ts: ${name} is not set`);
  return value;
}

// Auth0 organizations reach their connections and members through their id. The connection back to
// its organization is an OpenAPI link in auth0.openapi.yaml (`$request.path.id`).
const auth0Relations = /* GraphQL */ `
  extend type Auth0Organization {
    connections: [Auth0OrganizationConnection]
      @resolveTo(
        sourceName: "Auth0"
        sourceTypeName: "Query"
        sourceFieldName: "auth0OrganizationConnections"
        requiredSelectionSet: "{ id }"
        sourceArgs: { id: "{root.id}" }
      )
    members: [Auth0Member]
      @resolveTo(
        sourceName: "Auth0"
        sourceTypeName: "Query"
        sourceFieldName: "auth0OrganizationMembers"
        requiredSelectionSet: "{ id }"
        sourceArgs: {
          id: "{root.id}"
          fields: "user_id,email,picture,name,roles"
          include_fields: true
        }
      )
  }
`;

export const composeConfig = defineConfig({
  // Off: the conventions read `auth0OrganizationConnections(is_enabled)` as an entity lookup keyed by
  // `is_enabled`. Nothing here merges across subgraphs, so no lookup is wanted.
  ignoreSemanticConventions: true,
  subgraphs: [
    {
      sourceHandler: loadOpenAPISubgraph('Crux', {
        source: './openapi/crux.openapi.yaml',
        endpoint: required('CRUX_API_URL'),
        operationHeaders: { Authorization: 'Token {env.CRUX_API_TOKEN}' },
      }),
    },
    {
      sourceHandler: loadOpenAPISubgraph('Auth0', {
        source: './openapi/auth0.openapi.yaml',
        endpoint: required('AUTH0_API_URL'),
        operationHeaders: { Authorization: 'Bearer {env.AUTH0_TOKEN}' },
      }),
    },
    {
      sourceHandler: loadOpenAPISubgraph('Datadog', {
        source: './openapi/datadog.openapi.yaml',
        endpoint: required('DATADOG_API_URL'),
        operationHeaders: {
          'DD-API-KEY': '{env.DD_API_KEY}',
          'DD-APPLICATION-KEY': '{env.DD_APP_KEY}',
        },
      }),
    },
  ],
  additionalTypeDefs: auth0Relations,
});
