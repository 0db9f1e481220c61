/** The REST providers orgraph reads from. */
export enum Provider {
  CRUX = 'CRUX',
  AUTH0 = 'AUTH0',
  DATADOG = 'DATADOG',
}

export const ALL_PROVIDERS: readonly Provider[] = [Provider.CRUX, Provider.AUTH0, Provider.DATADOG];
