import { postGraphQL } from './graphql-post';

/** Variables of the queries that look objects up by ID: IDs of every provider, read from orgraph. */
export async function pickVariables(
  orgraphUrl: string,
): Promise<Record<string, Record<string, unknown>>> {
  const ids = async (document: string): Promise<string[]> => {
    const answer = await postGraphQL(orgraphUrl, document);
    if (answer.errors?.length || !answer.data) {
      throw new Error(`picking IDs: ${JSON.stringify(answer.errors ?? 'no data')}`);
    }
    return Object.values(answer.data as Record<string, { items: Array<{ id: string }> }>).flatMap(
      (page) => page.items.map((item) => item.id),
    );
  };
  const nodeIds = await ids(`{
    crux: organizations(filter: { providers: [CRUX] }, limit: 20) { items { id } }
    auth0: organizations(filter: { providers: [AUTH0] }, limit: 20) { items { id } }
    datadog: connections(filter: { providers: [DATADOG] }, limit: 10) { items { id } }
  }`);
  const organizationIds = await ids(`{
    crux: organizations(filter: { providers: [CRUX] }, limit: 40) { items { id } }
    auth0: organizations(filter: { providers: [AUTH0] }, limit: 40) { items { id } }
    datadog: organizations(filter: { providers: [DATADOG] }, limit: 20) { items { id } }
  }`);
  return {
    'nodes-50': { ids: nodeIds },
    'entities-100': {
      representations: organizationIds.map((id) => ({ __typename: 'Organization', id })),
    },
  };
}
