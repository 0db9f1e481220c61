import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices, type CompositionResult } from '@apollo/composition';
import { Kind, parse, type DocumentNode, type GraphQLObjectType } from 'graphql';
import { FEDERATION_LINK } from '../../src/schema/build-schema';
import { SCHEMA_FILES } from '../../src/schema/print-schemas';
import { readSupergraphConfig } from '../support/federation-supergraph-config';
import {
  VENDOR_RISK_SDL_FILE,
  vendorRiskTypeDefs,
} from './vendor-risk-subgraph/vendor-risk-subgraph';

const root = path.resolve(__dirname, '..', '..');
const orgraphTypeDefs = () => parse(readFileSync(path.join(root, SCHEMA_FILES.subgraph), 'utf8'));

const ORGRAPH = { name: 'orgraph', url: 'http://localhost:4000/graphql' };
const VENDOR_RISK = { name: 'vendor-risk', url: 'http://localhost:4001/graphql' };

/** Composition's verdict in a form whose failure message shows every error and hint. */
function verdict(result: CompositionResult) {
  return {
    errors: result.errors?.map((e) => e.message) ?? [],
    hints: (result.hints ?? []).map((h) => `${h.definition.code}: ${h.message}`),
  };
}

function compose() {
  return composeServices([
    { ...ORGRAPH, typeDefs: orgraphTypeDefs() },
    { ...VENDOR_RISK, typeDefs: vendorRiskTypeDefs() },
  ]);
}

/** `@key` field sets per object type of a subgraph SDL. */
function keysOf(document: DocumentNode): Record<string, string[]> {
  const keys: Record<string, string[]> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'key') continue;
      const fields = directive.arguments?.find((a) => a.name.value === 'fields')?.value;
      if (fields?.kind === Kind.STRING) (keys[definition.name.value] ??= []).push(fields.value);
    }
  }
  return keys;
}

describe('composition with @apollo/composition', () => {
  it('schema/subgraph.graphql links Federation 2 and keys every entity on its global id', () => {
    const sdl = readFileSync(path.join(root, SCHEMA_FILES.subgraph), 'utf8');
    expect(sdl).toContain(`@link(url: "${FEDERATION_LINK}"`);
    // Provider-native keys only where the native id is unique at its provider (not Auth0
    // connections or members, whose ids repeat across organizations).
    expect(keysOf(parse(sdl))).toEqual({
      Organization: ['id', 'provider nativeId'],
      Permission: ['id', 'provider nativeId'],
      User: ['id'],
      Connection: ['id'],
    });
  });

  it('orgraph composes on its own with no errors and no hints', () => {
    const result = composeServices([{ ...ORGRAPH, typeDefs: orgraphTypeDefs() }]);
    expect(verdict(result)).toEqual({ errors: [], hints: [] });
  });

  it('orgraph and the vendor-risk subgraph compose with no errors and no hints', () => {
    expect(verdict(compose())).toEqual({ errors: [], hints: [] });
  });

  it("the supergraph's Organization has orgraph's fields and vendor-risk's, and both subgraphs' roots", () => {
    const result = compose();
    if (result.errors) throw new Error(verdict(result).errors.join('\n'));
    const api = result.schema.toAPISchema().toGraphQLJSSchema();
    const fields = (type: string) =>
      Object.keys((api.getType(type) as GraphQLObjectType).getFields());
    expect(fields('Organization')).toEqual(
      expect.arrayContaining([
        'id',
        'provider',
        'nativeId',
        'name',
        'connections',
        'users',
        'riskScore',
        'riskNotes',
      ]),
    );
    expect(fields('Query')).toEqual(
      expect.arrayContaining(['organizations', 'node', 'nodes', 'watchlist']),
    );
    // The router can reach orgraph's Organization by either key; vendor-risk's by id.
    expect(result.supergraphSdl).toContain('@join__type(graph: ORGRAPH, key: "id")');
    expect(result.supergraphSdl).toContain('@join__type(graph: ORGRAPH, key: "provider nativeId")');
    expect(result.supergraphSdl).toContain('@join__type(graph: VENDOR_RISK, key: "id")');
  });

  it('supergraph.yaml routes orgraph at its default URL, from the committed SDL, and composes', () => {
    const config = readSupergraphConfig(path.join(root, 'supergraph.yaml'));
    expect(config.subgraphs).toEqual({
      orgraph: {
        routing_url: 'http://localhost:4000/graphql',
        schema: { file: `./${SCHEMA_FILES.subgraph}` },
      },
    });
    // rover's composition version must know the federation version orgraph links to.
    const [, major, minor] = /^=?(\d+)\.(\d+)/.exec(config.federation_version) ?? [];
    const [, linkMinor] = /\/v2\.(\d+)$/.exec(FEDERATION_LINK)!;
    expect(Number(major)).toBe(2);
    expect(Number(minor)).toBeGreaterThanOrEqual(Number(linkMinor));

    const services = Object.entries(config.subgraphs).map(([name, subgraph]) => ({
      name,
      url: subgraph.routing_url,
      typeDefs: parse(readFileSync(path.join(root, subgraph.schema.file!), 'utf8')),
    }));
    expect(verdict(composeServices(services))).toEqual({ errors: [], hints: [] });
    // The commented second subgraph points at a file that exists.
    const example = readFileSync(path.join(root, 'supergraph.yaml'), 'utf8');
    const file = /#\s+file: (\S+vendor-risk\.graphql)/.exec(example)?.[1];
    expect(file && path.resolve(root, file)).toBe(VENDOR_RISK_SDL_FILE);
    expect(existsSync(VENDOR_RISK_SDL_FILE)).toBe(true);
  });
});
