import { Arg, Ctx, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import type { Context } from '../../context/context.type';
import { UserInputError } from '../../errors/user-input-error';
import { decodeGlobalId } from '../../model/global-id';
import { Provider } from '../../model/provider';
import type { IdentityConnectionSettings } from '../../providers/provider-writes';
import { membershipWriter, orgDataSharingWriter } from '../../writes/provider-writers';
import { runWrite } from '../../writes/run-write';
import { WriteAccess } from '../../writes/write-access.middleware';
import { checkList, checkSomeChange, keyAt, organizationKeyAt } from '../../writes/write-input';
import { AddIdentityConnectionInput } from './add-identity-connection.input';
import { ConnectionIdInput } from './connection-id.input';
import { ConnectionPayload } from './connection-payload.type';
import { ConnectionRemovalPayload } from './connection-removal-payload.type';
import { CreateOrgDataSharingConnectionInput } from './create-org-data-sharing-connection.input';
import type { IdentityConnectionSettingsInput } from './identity-connection-settings.input';
import { UpdateIdentityConnectionInput } from './update-identity-connection.input';
import { UpdateOrgDataSharingConnectionInput } from './update-org-data-sharing-connection.input';

const ORG_DATA_SHARING = 'only Datadog org connections are written this way';
const IDENTITY = 'only Auth0 identity connections are written this way';
const SETTINGS = [
  'assignMembershipOnLogin',
  'showAsButton',
  'isSignupEnabled',
  'organizationAccessLevel',
  'isEnabled',
] as const;
/** Auth0 connection ids: `con_` and 16 alphanumerics in practice; bounded, never a path. */
const AUTH0_CONNECTION_ID = /^con_[A-Za-z0-9]{1,64}$/;

/** Writes of connections: Datadog org connections, and Auth0 organizations' identity connections. */
@Resolver()
@UseMiddleware(WriteAccess)
export class ConnectionMutationsResolver {
  @Mutation(() => ConnectionPayload, {
    description:
      "Creates a Datadog org connection from the Datadog keys' own org to a sink org (POST, never retried).",
  })
  async createOrgDataSharingConnection(
    @Arg('input') input: CreateOrgDataSharingConnectionInput,
    @Ctx() ctx: Context,
  ): Promise<ConnectionPayload> {
    const sinkOrganizationKey = organizationKeyAt(
      input.sinkOrganizationId,
      Provider.DATADOG,
      'sinkOrganizationId',
    );
    checkList(input.connectionTypes, 'connectionTypes', 3, undefined, 'connection type');
    const writer = orgDataSharingWriter(ctx.catalog);
    const result = await runWrite(
      ctx,
      {
        operation: 'createOrgDataSharingConnection',
        provider: Provider.DATADOG,
        target: `org ${sinkOrganizationKey}`,
        field: ['input', 'sinkOrganizationId'],
      },
      () =>
        writer.createOrgDataSharingConnection({
          sinkOrganizationKey,
          connectionTypes: [...input.connectionTypes],
        }),
    );
    return { connection: result.value, userErrors: result.userErrors };
  }

  @Mutation(() => ConnectionPayload, {
    description: 'Changes what a Datadog org connection shares.',
  })
  async updateOrgDataSharingConnection(
    @Arg('input') input: UpdateOrgDataSharingConnectionInput,
    @Ctx() ctx: Context,
  ): Promise<ConnectionPayload> {
    const key = keyAt('Connection', input.id, Provider.DATADOG, 'id', ORG_DATA_SHARING);
    checkSomeChange(input, ['connectionTypes'], 'input');
    const connectionTypes = input.connectionTypes ?? [];
    checkList(connectionTypes, 'connectionTypes', 3, undefined, 'connection type');
    const writer = orgDataSharingWriter(ctx.catalog);
    const result = await runWrite(
      ctx,
      {
        operation: 'updateOrgDataSharingConnection',
        provider: Provider.DATADOG,
        target: `org connection ${key}`,
        field: ['input', 'id'],
      },
      () => writer.updateOrgDataSharingConnection(key, { connectionTypes: [...connectionTypes] }),
    );
    return { connection: result.value, userErrors: result.userErrors };
  }

  @Mutation(() => ConnectionRemovalPayload, {
    description:
      'Deletes a connection: a Datadog org connection, or an identity connection of an Auth0 organization (which stays in the tenant). Crux connections are not written through its API.',
  })
  async deleteConnection(
    @Arg('input') input: ConnectionIdInput,
    @Ctx() ctx: Context,
  ): Promise<ConnectionRemovalPayload> {
    const { provider } = decodeGlobalId(input.id, 'Connection');
    if (provider === Provider.AUTH0) return this.removeIdentityConnection(input, ctx);
    const key = keyAt(
      'Connection',
      input.id,
      Provider.DATADOG,
      'id',
      "Crux Connect's API does not delete connections",
    );
    const writer = orgDataSharingWriter(ctx.catalog);
    const result = await runWrite(
      ctx,
      {
        operation: 'deleteConnection',
        provider: Provider.DATADOG,
        target: `org connection ${key}`,
        field: ['input', 'id'],
      },
      () => writer.deleteOrgDataSharingConnection(key),
    );
    return removal(input.id, result.userErrors);
  }

  @Mutation(() => ConnectionPayload, {
    description: "Enables one of the Auth0 tenant's connections for an organization.",
  })
  async addIdentityConnection(
    @Arg('input') input: AddIdentityConnectionInput,
    @Ctx() ctx: Context,
  ): Promise<ConnectionPayload> {
    const organizationKey = organizationKeyAt(
      input.organizationId,
      Provider.AUTH0,
      'organizationId',
    );
    if (!AUTH0_CONNECTION_ID.test(input.connectionId)) {
      throw new UserInputError(
        `connectionId "${input.connectionId.slice(0, 80)}" is not an Auth0 connection id (con_...)`,
        'connectionId',
      );
    }
    const writer = membershipWriter(ctx.catalog);
    const result = await runWrite(
      ctx,
      {
        operation: 'addIdentityConnection',
        provider: Provider.AUTH0,
        target: `organization ${organizationKey} connection ${input.connectionId}`,
        field: ['input', 'connectionId'],
      },
      () => writer.addIdentityConnection(organizationKey, input.connectionId, settingsOf(input)),
    );
    return { connection: result.value, userErrors: result.userErrors };
  }

  @Mutation(() => ConnectionPayload, {
    description: "Changes an Auth0 organization's identity connection.",
  })
  async updateIdentityConnection(
    @Arg('input') input: UpdateIdentityConnectionInput,
    @Ctx() ctx: Context,
  ): Promise<ConnectionPayload> {
    const key = keyAt('Connection', input.id, Provider.AUTH0, 'id', IDENTITY);
    checkSomeChange(input, SETTINGS, 'input');
    const writer = membershipWriter(ctx.catalog);
    const result = await runWrite(
      ctx,
      {
        operation: 'updateIdentityConnection',
        provider: Provider.AUTH0,
        target: `organization connection ${key}`,
        field: ['input', 'id'],
      },
      () => writer.updateIdentityConnection(key, settingsOf(input)),
    );
    return { connection: result.value, userErrors: result.userErrors };
  }

  @Mutation(() => ConnectionRemovalPayload, {
    description:
      'Disables an identity connection for its Auth0 organization (the connection stays in the tenant).',
  })
  async removeIdentityConnection(
    @Arg('input') input: ConnectionIdInput,
    @Ctx() ctx: Context,
  ): Promise<ConnectionRemovalPayload> {
    const key = keyAt('Connection', input.id, Provider.AUTH0, 'id', IDENTITY);
    const writer = membershipWriter(ctx.catalog);
    const result = await runWrite(
      ctx,
      {
        operation: 'removeIdentityConnection',
        provider: Provider.AUTH0,
        target: `organization connection ${key}`,
        field: ['input', 'id'],
      },
      () => writer.removeIdentityConnection(key),
    );
    return removal(input.id, result.userErrors);
  }
}

function removal(id: string, userErrors: ConnectionRemovalPayload['userErrors']) {
  return { removedConnectionId: userErrors.length === 0 ? id : null, userErrors };
}

/** The settings given, without the ones left out (absent means "as is" or Auth0's default). */
function settingsOf(input: IdentityConnectionSettingsInput): IdentityConnectionSettings {
  const settings: IdentityConnectionSettings = {};
  if (input.assignMembershipOnLogin != null)
    settings.assignMembershipOnLogin = input.assignMembershipOnLogin;
  if (input.showAsButton != null) settings.showAsButton = input.showAsButton;
  if (input.isSignupEnabled != null) settings.isSignupEnabled = input.isSignupEnabled;
  if (input.organizationAccessLevel != null)
    settings.organizationAccessLevel = input.organizationAccessLevel;
  if (input.isEnabled != null) settings.isEnabled = input.isEnabled;
  return settings;
}
