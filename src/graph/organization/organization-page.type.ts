import { ObjectType } from 'type-graphql';
import { PageType } from '../common/page.type';
import { Organization } from './organization.type';

@ObjectType({
  simpleResolvers: true,
  description: 'A page of organizations, with the total count.',
})
export class OrganizationPage extends PageType(Organization, 'organizations') {}
