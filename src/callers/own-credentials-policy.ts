import { ForbiddenError } from '../errors/forbidden-error';
import { Provider } from '../model/provider';
import { CALLER_CREDENTIAL_HEADERS, type CallerCredentials } from '../providers/caller-credentials';
import type { Caller } from './caller.type';

const CREDENTIAL_PROVIDER: Record<keyof CallerCredentials, Provider> = {
  cruxToken: Provider.CRUX,
  auth0Token: Provider.AUTH0,
  datadogApiKey: Provider.DATADOG,
  datadogAppKey: Provider.DATADOG,
};

/**
 * Refuses (FORBIDDEN, HTTP 403, before the operation runs) provider credentials from a caller not
 * allowed to bring its own, or for a provider it may not use.
 */
export function checkOwnCredentials(caller: Caller, credentials: CallerCredentials): void {
  const sent = (Object.keys(CREDENTIAL_PROVIDER) as Array<keyof CallerCredentials>).filter(
    (name) => credentials[name] !== undefined,
  );
  if (sent.length === 0) return;
  if (!caller.ownCredentials) {
    const headers = sent.map((name) => CALLER_CREDENTIAL_HEADERS[name]).join(', ');
    throw new ForbiddenError(`This caller may not send its own provider credentials (${headers})`, {
      httpStatus: 403,
    });
  }
  const forbidden = sent
    .map((name) => CREDENTIAL_PROVIDER[name])
    .find((p) => !caller.providers.includes(p));
  if (forbidden) throw ForbiddenError.provider(forbidden, 403);
}
