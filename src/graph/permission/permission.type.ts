import { Directive, Field, ObjectType } from 'type-graphql';
import { Node } from '../common/node.interface';
import { PermissionVisibility } from './permission-visibility.enum';

@Directive('@key(fields: "id")')
@Directive('@key(fields: "provider nativeId")')
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: 'A permission a user can hold: a Crux permission, or an Auth0 role.',
})
export class Permission extends Node {
  readonly __typename = 'Permission' as const;

  @Field({
    description: 'Name of the permission, in short snake case at Crux; the role name at Auth0.',
  })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A more user-friendly name of the permission (Crux `display_name`).',
  })
  displayName!: string | null;

  /** Undefined when the listing it came from did not carry it; the resolver then loads it. */
  description?: string | null;

  @Field(() => PermissionVisibility, {
    nullable: true,
    description: 'Visibility of the permission to suppliers, retailers or both (Crux).',
  })
  visibility!: PermissionVisibility | null;

  @Field(() => String, {
    nullable: true,
    description: 'Grouping the permission belongs to (Crux).',
  })
  grouping!: string | null;
}
