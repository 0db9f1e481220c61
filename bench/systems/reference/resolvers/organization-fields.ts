import { GraphQLError } from 'graphql';
import type { Organization } from '../../../../src/graph/organization/organization.type';
import { checkPaging, toPage, type PagingArgs } from '../paging/page';
import { field, type ResolverMap } from './field';
import type { ListFilter } from './filters';

type ConnectionsArgs = PagingArgs & { filter?: ListFilter | null };

/** An organization's connections, at its own provider, paged over the whole list (orgraph's toPage). */
export const organizationFields: ResolverMap = {
  Organization: {
    connections: field<Organization, ConnectionsArgs>(async (org, args, { access }) => {
      checkPaging(args);
      const conditions = Object.values(args.filter ?? {}).filter((v) => v !== null);
      if (conditions.length > 0)
        throw new GraphQLError('The reference does not filter an organization’s connections');
      return toPage(await access.get(org.provider).connectionsOf(org.key), args);
    }),
  },
};
