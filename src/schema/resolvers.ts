import type { ClassType, NonEmptyArray } from 'type-graphql';
import { ConnectionMutationsResolver } from '../graph/connection/connection-mutations.resolver';
import { ConnectionPartyResolver } from '../graph/connection/connection-party.resolver';
import { ConnectionResolver } from '../graph/connection/connection.resolver';
import { NodeResolver } from '../graph/node/node.resolver';
import { MembershipMutationsResolver } from '../graph/organization/membership-mutations.resolver';
import { OrganizationResolver } from '../graph/organization/organization.resolver';
import { PermissionResolver } from '../graph/permission/permission.resolver';
import { ProviderStatusResolver } from '../graph/provider/provider-status.resolver';
import { UserResolver } from '../graph/user/user.resolver';

export const resolvers: NonEmptyArray<ClassType> = [
  OrganizationResolver,
  ConnectionResolver,
  ConnectionPartyResolver,
  UserResolver,
  PermissionResolver,
  NodeResolver,
  ProviderStatusResolver,
  ConnectionMutationsResolver,
  MembershipMutationsResolver,
];
