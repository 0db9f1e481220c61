import type { Organization } from '../../../../src/graph/organization/organization.type';
import { encodeGlobalId } from '../../../../src/model/global-id';
import type { LinkedConnection, LinkedParty } from '../model/links';
import { field, type ResolverMap } from './field';
import { linkedOrganization, linkedUser } from './resolve-link';

/** Connection's references: orgraph's ConnectionResolver and ConnectionPartyResolver. */
export const connectionFields: ResolverMap = {
  Connection: {
    // A linked connection is a spread copy of orgraph's mapped one, which encodes its ID when read
    // (a getter the spread leaves behind): encoded here, the same way.
    id: field<LinkedConnection, unknown>((connection) =>
      encodeGlobalId('Connection', connection.provider, connection.key),
    ),
    organizations: field<LinkedConnection, unknown>(async (connection, _args, { access }) => {
      const orgs = await Promise.all(
        connection.organizationLinks.map((link) => linkedOrganization(access, link)),
      );
      return orgs.filter((o): o is Organization => o !== null);
    }),
    source: field<LinkedConnection, unknown>((connection, _args, { access }) =>
      connection.sourceLink ? linkedOrganization(access, connection.sourceLink) : null,
    ),
    sink: field<LinkedConnection, unknown>((connection, _args, { access }) =>
      connection.sinkLink ? linkedOrganization(access, connection.sinkLink) : null,
    ),
    createdBy: field<LinkedConnection, unknown>((connection, _args, { access }) =>
      connection.createdByLink ? linkedUser(access, connection.createdByLink) : null,
    ),
  },
  ConnectionParty: {
    organization: field<LinkedParty, unknown>((party, _args, { access }) =>
      linkedOrganization(access, party.organizationLink),
    ),
  },
};
