import type { AugmentedRequest } from '@apollo/datasource-rest';
import { z } from 'zod';
import type { Auth0ClientCredentials } from '../../config/config.type';
import { Provider } from '../../model/provider';
import { ProviderDataSource, type ProviderDataSourceOptions } from '../http/provider-data-source';
import { RouteTemplates } from '../http/route-templates';

/** The token endpoint, as spans name calls to it (relative to the token URL's origin). */
const TOKEN_ROUTES = new RouteTemplates('/', ['POST oauth/token']);

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  token_type: z.string().optional(),
});

export type Auth0TokenResponse = z.infer<typeof tokenResponseSchema>;

/** `POST /oauth/token` with the client-credentials grant, as machine-to-machine apps get their token. */
export class Auth0TokenClient extends ProviderDataSource {
  protected readonly provider = Provider.AUTH0;

  constructor(
    options: ProviderDataSourceOptions,
    private readonly credentials: Auth0ClientCredentials,
  ) {
    super(options, { routes: TOKEN_ROUTES });
  }

  protected override willSendRequest(_path: string, request: AugmentedRequest): void {
    request.headers['content-type'] = 'application/json';
  }

  requestToken(): Promise<Auth0TokenResponse> {
    return this.postValidated('oauth/token', tokenResponseSchema, {
      body: {
        grant_type: 'client_credentials',
        client_id: this.credentials.clientId,
        client_secret: this.credentials.clientSecret,
        audience: this.credentials.audience,
      },
    });
  }
}
