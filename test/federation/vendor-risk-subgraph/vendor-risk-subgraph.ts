import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse, type DocumentNode } from 'graphql';

/** vendor-risk's SDL, as its own team would keep it: composed against orgraph's schema/subgraph.graphql. */
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
  stop(): Promise<void>;
}

/** What vendor-risk knows of an organization: its id, and its own assessment if it made one. */
interface OrganizationRef {
  id: string;
}

function vendorRiskResolvers(data: VendorRiskData): GraphQLResolverMap<unknown> {
  const assessments = new Map(data.assessments.map((a) => [a.organizationId, a]));
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
      // Any orgraph organization id is a valid reference: one vendor-risk has not assessed has no score.
      __resolveReference: (ref: OrganizationRef) => ({ id: ref.id }),
      riskScore: (org: OrganizationRef) => assessments.get(org.id)?.riskScore ?? null,
      riskNotes: (org: OrganizationRef) => assessments.get(org.id)?.riskNotes ?? [],
    },
  };
}

/** Serves vendor-risk over real HTTP on a free loopback port. */
export async function startVendorRisk(data: VendorRiskData): Promise<RunningVendorRisk> {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: vendorRiskTypeDefs(), resolvers: vendorRiskResolvers(data) }),
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}
