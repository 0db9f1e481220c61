import { Field, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Colors of an Auth0 organization login page.' })
export class BrandingColors {
  @Field({ description: 'HEX color for primary elements.' })
  primary!: string;

  @Field({ description: 'HEX color for the background.' })
  pageBackground!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Branding of an Auth0 organization.' })
export class OrganizationBranding {
  @Field(() => String, {
    nullable: true,
    description: 'URL of the logo to display on the login page.',
  })
  logoUrl!: string | null;

  @Field(() => BrandingColors, { nullable: true, description: 'Login page colors.' })
  colors!: BrandingColors | null;
}
