import { Directive, Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../common/date-time.scalar';
import type { EntityRef } from '../common/entity-ref';
import { Node } from '../common/node.interface';
import { AccountManager } from '../organization/account-manager.type';
import { ConnectionKind } from './connection-kind.enum';
import { ConnectionParty } from './connection-party.type';
import { ConnectionStatus } from './connection-status.enum';
import { IdentityConnection } from './identity-connection.type';
import { OrganizationAccessLevel } from './organization-access-level.enum';

@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description:
    'A connection involving organizations: a Crux retailer-supplier connection, an Auth0 identity ' +
    'connection enabled for an organization, or a Datadog org connection. Fields that only one provider ' +
    'has are null for the others.',
})
export class Connection extends Node {
  readonly __typename = 'Connection' as const;

  @Field(() => ConnectionKind, {
    description: 'What the connection links, and so which provider it comes from.',
  })
  kind!: ConnectionKind;

  // --- Crux ---
  @Field(() => ConnectionStatus, {
    nullable: true,
    description: 'Status of the connection (Crux).',
  })
  status!: ConnectionStatus | null;

  @Field(() => ConnectionParty, { nullable: true, description: 'The retailer side (Crux).' })
  retailer!: ConnectionParty | null;

  @Field(() => ConnectionParty, { nullable: true, description: 'The supplier side (Crux).' })
  supplier!: ConnectionParty | null;

  @Field(() => AccountManager, {
    nullable: true,
    description: 'Your assigned account manager (Crux).',
  })
  accountManager!: AccountManager | null;

  @Field(() => String, {
    nullable: true,
    description: "Supplier's retailer account number (Crux).",
  })
  suppliersRetailerAccountNumber!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Retailer's supplier account number (Crux).",
  })
  retailersSupplierAccountNumber!: string | null;

  // --- Datadog ---
  @Field(() => [String], {
    nullable: true,
    description: 'What the connection shares, e.g. logs, metrics (Datadog `connection_types`).',
  })
  connectionTypes!: string[] | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the connection was created (Datadog).',
  })
  createdAt!: string | null;

  // --- Auth0 ---
  @Field(() => IdentityConnection, {
    nullable: true,
    description: 'The identity connection enabled for the organization (Auth0).',
  })
  identityConnection!: IdentityConnection | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the connection in the scope of this organization (Auth0).',
  })
  organizationConnectionName!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'When true, all users that log in with this connection are automatically granted membership in ' +
      'the organization; when false, they must be granted membership before logging in (Auth0).',
  })
  assignMembershipOnLogin!: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Whether the connection is displayed on the organization's login prompt; only for enterprise " +
      'connections (Auth0).',
  })
  showAsButton!: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether organization signup is enabled; only for database connections (Auth0).',
  })
  isSignupEnabled!: boolean | null;

  @Field(() => OrganizationAccessLevel, {
    nullable: true,
    description: 'Access level for the organization (Auth0).',
  })
  organizationAccessLevel!: OrganizationAccessLevel | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the connection is enabled for the organization (Auth0).',
  })
  isEnabled!: boolean | null;

  /** Every organization on the connection: retailer and supplier, source and sink, or the Auth0 org. */
  organizationRefs!: EntityRef[];
  sourceRef!: EntityRef | null;
  sinkRef!: EntityRef | null;
  createdByRef!: EntityRef | null;
}
