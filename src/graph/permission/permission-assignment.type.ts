import { Field, ObjectType } from 'type-graphql';
import { Permission } from './permission.type';

@ObjectType({
  simpleResolvers: true,
  description: 'A permission and whether it is assigned to a user.',
})
export class PermissionAssignment {
  @Field({ description: 'Whether this permission has been assigned to the user.' })
  assigned!: boolean;

  @Field(() => Permission, { description: 'The permission.' })
  permission!: Permission;
}
