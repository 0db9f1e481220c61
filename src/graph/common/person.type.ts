import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'A person at Crux: a contact, an account manager or an org user.',
})
export class Person {
  @Field({ description: 'Universal Unique Identifier for the person.' })
  uuid!: string;

  @Field(() => String, {
    nullable: true,
    description: 'First name of the person ready for display (UTF-8, at most 200 characters).',
  })
  firstName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Last name of the person ready for display (UTF-8, at most 200 characters).',
  })
  lastName!: string | null;

  @Field(() => String, { nullable: true, description: 'Email address of the person.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number of the person.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Job title of the person.' })
  jobTitle!: string | null;
}
