import { ObjectType } from 'type-graphql';
import { PageType } from '../common/page.type';
import { Connection } from './connection.type';

@ObjectType({ simpleResolvers: true, description: 'A page of connections, with the total count.' })
export class ConnectionPage extends PageType(Connection, 'connections') {}
