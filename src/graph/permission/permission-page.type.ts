import { ObjectType } from 'type-graphql';
import { PageType } from '../common/page.type';
import { Permission } from './permission.type';

@ObjectType({ simpleResolvers: true, description: 'A page of permissions, with the total count.' })
export class PermissionPage extends PageType(Permission, 'permissions') {}
