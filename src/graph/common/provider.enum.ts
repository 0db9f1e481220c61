import { registerEnumType } from 'type-graphql';
import { Provider } from '../../model/provider';

registerEnumType(Provider, {
  name: 'Provider',
  description: 'The REST provider an object comes from.',
  valuesConfig: {
    CRUX: {
      description: 'Crux Connect: retailer-supplier connections, organizations and org users.',
    },
    AUTH0: {
      description: 'Auth0 Management API: organizations, their identity connections and members.',
    },
    DATADOG: { description: 'Datadog: org connections between a source and a sink org.' },
  },
});

export { Provider };
