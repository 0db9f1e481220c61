import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse, type DocumentNode } from 'graphql';

/** vendor-risk's SDL, as its team would keep it; composed with orgraph's subgraph SDL. */
export const VENDOR_RISK_SDL_FILE = path.join(__dirname, 'vendor-risk.graphql');

export function vendorRiskTypeDefs(): DocumentNode {
  return parse(readFileSync(VENDOR_RISK_SDL_FILE, 'utf8'));
}

export interface RiskAssessment {
  /** orgraph's global id of the organization. */
  organizationId: string;
  riskScore: number;
  riskNotes: string[];
}

export interface WatchEntry {
  organizationId: string;
  reason: string;
  ownerId?: string;
  restrictedPermission?: { provider: 'CRUX' | 'AUTH0' | 'DATADOG'; nativeId: string };
}

export interface VendorRiskData {
  assessments: RiskAssessment[];
  watchlist: WatchEntry[];
}

export interface RunningVendorRisk {
  url: string;
  /** What vendor-risk holds; tests may replace its parts between queries. */
  data: VendorRiskData;
  stop(): Promise<void>;
}

/** What vendor-risk knows of an organization: its id, and its own assessment if it made one. */
interface OrganizationRef {
  id: string;
}

function vendorRiskResolvers(data: VendorRiskData): GraphQLResolverMap<unknown> {
  const assessment = (id: string) => data.assessments.find((a) => a.organizationId === id);
  return {
    Query: {
      watchlist: () =>
        data.watchlist.map((entry) => ({
          organization: { id: entry.organizationId },
          reason: entry.reason,
          owner: entry.ownerId ? { id: entry.ownerId } : null,
          restrictedPermission: entry.restrictedPermission ?? null,
        })),
    },
    Organization: {
      // Any orgraph organization id is a valid reference; one not assessed has no score.
      __resolveReference: (ref: OrganizationRef) => ({ id: ref.id }),
      riskScore: (org: OrganizationRef) => assessment(org.id)?.riskScore ?? null,
      riskNotes: (org: OrganizationRef) => assessment(org.id)?.riskNotes ?? [],
    },
  };
}

/** Serves vendor-risk over real HTTP, by default on a free loopback port. */
export async function startVendorRisk(
  data: VendorRiskData,
  listen: { port: number; host: string } = { port: 0, host: '127.0.0.1' },
): Promise<RunningVendorRisk> {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: vendorRiskTypeDefs(),
      resolvers: vendorRiskResolvers(data),
    }),
    // Traces serve Apollo usage reporting, unused here (and enabling them logs to the console).
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen });
  return { url, data, stop: () => server.stop() };
}
