import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Every GraphQL answer goes out with `Cache-Control: no-store`: it is one caller's, of one moment
 * (orgraph caches provider reads itself, per credential). Apollo's cache-control plugin sent the same
 * header, since no field sets a cache hint here; that plugin is off (see startServer) because it
 * wraps every field's resolver to collect hints that never come.
 */
export const noStorePlugin: ApolloServerPlugin = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response }) {
        if (!response.http.headers.has('cache-control')) {
          response.http.headers.set('cache-control', 'no-store');
        }
        return Promise.resolve();
      },
    });
  },
};
