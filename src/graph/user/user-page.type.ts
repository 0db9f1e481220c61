import { ObjectType } from 'type-graphql';
import { PageType } from '../common/page.type';
import { User } from './user.type';

@ObjectType({ simpleResolvers: true, description: 'A page of users, with the total count.' })
export class UserPage extends PageType(User, 'users') {}
