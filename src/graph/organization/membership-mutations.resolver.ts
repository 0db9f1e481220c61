import { Arg, Ctx, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import type { Context } from '../../context/context.type';
import { UserInputError } from '../../errors/user-input-error';
import { decodeGlobalId } from '../../model/global-id';
import { Provider } from '../../model/provider';
import { membershipWriter } from '../../writes/provider-writers';
import { runWrite } from '../../writes/run-write';
import { WriteAccess } from '../../writes/write-access.middleware';
import { checkList, keyAt, organizationKeyAt } from '../../writes/write-input';
import { MemberPayload } from './member-payload.type';
import { MemberRolesInput } from './member-roles.input';
import { OrganizationMembersInput } from './organization-members.input';
import { OrganizationMembersPayload } from './organization-members-payload.type';

/** How many users or roles one call may name: Auth0 takes a few per request, admin apps send few. */
const MAX_PER_CALL = 10;
/** An Auth0 user id: `provider|id`, printable, bounded. */
const AUTH0_USER_ID = /^[\x21-\x7e]{1,256}$/;
const AUTH0_ROLE_ID = /^rol_[A-Za-z0-9]{1,64}$/;
const MEMBERS_ONLY = 'only Auth0 organization members have roles written this way';

/** Writes of Auth0 organization memberships and of members' roles. */
@Resolver()
@UseMiddleware(WriteAccess)
export class MembershipMutationsResolver {
  @Mutation(() => OrganizationMembersPayload, {
    description: 'Adds users of the Auth0 tenant to an organization.',
  })
  async addOrganizationMembers(
    @Arg('input') input: OrganizationMembersInput,
    @Ctx() ctx: Context,
  ): Promise<OrganizationMembersPayload> {
    const key = this.checked(input);
    const writer = membershipWriter(ctx.catalog);
    const result = await runWrite(
      ctx,
      {
        operation: 'addOrganizationMembers',
        provider: Provider.AUTH0,
        target: `organization ${key} users ${input.userIds.join(' ')}`,
        field: ['input', 'userIds'],
      },
      () => writer.addOrganizationMembers(key, [...input.userIds]),
    );
    return {
      organization: ctx.catalog.organization({ provider: Provider.AUTH0, key }),
      members: result.value,
      userErrors: result.userErrors,
    };
  }

  @Mutation(() => OrganizationMembersPayload, {
    description: 'Removes users from an Auth0 organization (they stay in the tenant).',
  })
  async removeOrganizationMembers(
    @Arg('input') input: OrganizationMembersInput,
    @Ctx() ctx: Context,
  ): Promise<OrganizationMembersPayload> {
    const key = this.checked(input);
    const writer = membershipWriter(ctx.catalog);
    const result = await runWrite(
      ctx,
      {
        operation: 'removeOrganizationMembers',
        provider: Provider.AUTH0,
        target: `organization ${key} users ${input.userIds.join(' ')}`,
        field: ['input', 'userIds'],
      },
      () => writer.removeOrganizationMembers(key, [...input.userIds]),
    );
    return {
      organization: ctx.catalog.organization({ provider: Provider.AUTH0, key }),
      members: result.userErrors.length === 0 ? [] : null,
      userErrors: result.userErrors,
    };
  }

  @Mutation(() => MemberPayload, { description: 'Gives an Auth0 organization member roles.' })
  async addMemberRoles(
    @Arg('input') input: MemberRolesInput,
    @Ctx() ctx: Context,
  ): Promise<MemberPayload> {
    const [memberKey, roleIds] = this.checkedRoles(input);
    const writer = membershipWriter(ctx.catalog);
    const result = await runWrite(
      ctx,
      {
        operation: 'addMemberRoles',
        provider: Provider.AUTH0,
        target: `member ${memberKey} roles ${roleIds.join(' ')}`,
        field: ['input', 'roleIds'],
      },
      () => writer.addMemberRoles(memberKey, roleIds),
    );
    return { member: result.value, userErrors: result.userErrors };
  }

  @Mutation(() => MemberPayload, { description: 'Takes roles from an Auth0 organization member.' })
  async removeMemberRoles(
    @Arg('input') input: MemberRolesInput,
    @Ctx() ctx: Context,
  ): Promise<MemberPayload> {
    const [memberKey, roleIds] = this.checkedRoles(input);
    const writer = membershipWriter(ctx.catalog);
    const result = await runWrite(
      ctx,
      {
        operation: 'removeMemberRoles',
        provider: Provider.AUTH0,
        target: `member ${memberKey} roles ${roleIds.join(' ')}`,
        field: ['input', 'roleIds'],
      },
      () => writer.removeMemberRoles(memberKey, roleIds),
    );
    return { member: result.value, userErrors: result.userErrors };
  }

  /** The organization's key, once the users are a short list of Auth0 user ids. */
  private checked(input: OrganizationMembersInput): string {
    const key = organizationKeyAt(input.organizationId, Provider.AUTH0, 'organizationId');
    checkList(
      input.userIds,
      'userIds',
      MAX_PER_CALL,
      (id) => AUTH0_USER_ID.test(id),
      'Auth0 user id',
    );
    return key;
  }

  /** The member's key and Auth0's role ids, from role ids or Permission global IDs. */
  private checkedRoles(input: MemberRolesInput): [string, string[]] {
    const memberKey = keyAt('User', input.memberId, Provider.AUTH0, 'memberId', MEMBERS_ONLY);
    const roleIds = input.roleIds.map((id) => (AUTH0_ROLE_ID.test(id) ? id : roleKey(id)));
    checkList(roleIds, 'roleIds', MAX_PER_CALL, (id) => AUTH0_ROLE_ID.test(id), 'Auth0 role id');
    return [memberKey, roleIds];
  }
}

/** A role named by a Permission global ID. */
function roleKey(id: string): string {
  let parts;
  try {
    parts = decodeGlobalId(id, 'Permission');
  } catch {
    throw new UserInputError(
      `roleIds: "${id.slice(0, 80)}" is neither an Auth0 role id (rol_...) nor a Permission ID`,
      'roleIds',
    );
  }
  if (parts.provider !== Provider.AUTH0) {
    throw new UserInputError(
      'roleIds: only Auth0 roles are given to organization members',
      'roleIds',
    );
  }
  return parts.key;
}
