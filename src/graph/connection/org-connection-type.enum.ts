import { registerEnumType } from 'type-graphql';

/** What a Datadog org connection shares (Datadog's `OrgConnectionTypeEnum`). */
export enum OrgConnectionType {
  LOGS = 'logs',
  METRICS = 'metrics',
  AUDIT = 'audit',
}

registerEnumType(OrgConnectionType, {
  name: 'OrgConnectionType',
  description: 'What a Datadog org connection shares.',
});
