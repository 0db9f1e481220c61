import { GraphQLError } from 'graphql';
import { ConnectionKind } from '../../../../src/graph/connection/connection-kind.enum';
import { ALL_PROVIDERS, Provider } from '../../../../src/model/provider';

/** The filter fields the reference understands: the bench queries name providers (and kind) only. */
export interface ListFilter {
  providers?: Provider[] | null;
  kind?: ConnectionKind | null;
  [other: string]: unknown;
}

const KIND_PROVIDER: Record<ConnectionKind, Provider> = {
  [ConnectionKind.RETAILER_SUPPLIER]: Provider.CRUX,
  [ConnectionKind.IDENTITY]: Provider.AUTH0,
  [ConnectionKind.ORG_DATA_SHARING]: Provider.DATADOG,
};

/** The providers a list filter selects, in orgraph's order; an empty `providers` selects all. */
export function selectedProviders(filter: ListFilter | null | undefined): Provider[] {
  const { providers, kind, ...rest } = filter ?? {};
  const unsupported = Object.keys(rest).filter((k) => rest[k] !== undefined && rest[k] !== null);
  if (unsupported.length > 0)
    throw new GraphQLError(`The reference does not filter by ${unsupported.join(', ')}`);
  return ALL_PROVIDERS.filter(
    (p) =>
      (!providers || providers.length === 0 || providers.includes(p)) &&
      (!kind || KIND_PROVIDER[kind] === p),
  );
}
