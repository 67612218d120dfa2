/**
 * The credentials the client takes besides its token, where the spec's requirements name schemes
 * that send theirs another way (two API keys sent together, an API key beside a bearer token), and
 * each operation's `security` as those credentials name it. The client sends, per call, the first
 * alternative it has every credential of (templates/runtime/internal/credentials.ts).
 */
import { credentialWay, placeClash, type ClientCredentials } from './build-auth.ts';
import { upperSnake } from './sdk-names.ts';
import type { AuthModel, CredentialModel, OperationModel } from './types.ts';

/**
 * The schemes the client takes a credential for besides its token: one per way a credential
 * travels (`credentialWay`: a header's name, a query or cookie name, bearer, Basic) other than the
 * token's, the first in spec order of those an operation's effective `security` names (a scheme
 * only the root names, which every operation overrides, or none names, takes no option: it would
 * never be sent). Empty when all of them go the token's way.
 */
export function otherCredentials(
  schemes: readonly AuthModel[],
  operations: readonly Pick<OperationModel, 'security'>[],
  token: AuthModel | undefined,
): AuthModel[] {
  const named = new Set(
    operations.flatMap((operation) => (operation.security?.alternatives ?? []).flat()),
  );
  const byWay = new Map<string, AuthModel>();
  if (token !== undefined) byWay.set(credentialWay(token), token);
  for (const scheme of schemes)
    if (named.has(scheme.schemeName) && !byWay.has(credentialWay(scheme)))
      byWay.set(credentialWay(scheme), scheme);
  return [...byWay.values()].filter((scheme) => scheme !== token);
}

/**
 * Sets `credentialAlternatives` on each operation that takes a credential, where the client takes
 * other credentials than its token: its `security` with each scheme named by the credential that
 * sends it (the token's scheme, or the other credential of its way), each alternative once, those
 * with a scheme the client cannot send (HTTP digest, mutualTLS, an undeclared name) or with two
 * that go in one place (build-auth.ts `placeClash`) left out. Not
 * set where nothing is left, nor where only the token is (`[['bearer']]`: what every call sends
 * anyway), so a spec change that adds a credential touches only the operations that take it.
 */
export function withCredentialAlternatives(
  operations: OperationModel[],
  schemes: readonly AuthModel[],
  { token, credentials }: ClientCredentials,
): void {
  if (credentials.length === 0) return;
  const sender = new Map<string, string>();
  for (const scheme of [...(token === undefined ? [] : [token]), ...credentials])
    sender.set(credentialWay(scheme), scheme.schemeName);
  const byName = new Map(schemes.map((scheme) => [scheme.schemeName, scheme]));
  const senderOf = new Map(
    schemes.map((scheme) => [scheme.schemeName, sender.get(credentialWay(scheme))]),
  );
  for (const operation of operations) {
    if (operation.anonymous || operation.security === undefined) continue;
    const alternatives = new Map<string, string[]>();
    for (const names of operation.security.alternatives) {
      const sent = names.map((name) => senderOf.get(name));
      if (sent.some((name) => name === undefined)) continue;
      // Two credentials in one header (`bearer` and `basic`): no request can carry both.
      if (placeClash(names.map((name) => byName.get(name)!)) !== undefined) continue;
      const unique = [...new Set(sent as string[])];
      alternatives.set(JSON.stringify(unique), unique);
    }
    const list = [...alternatives.values()];
    const tokenOnly =
      list.length === 1 && list[0]!.length === 1 && list[0]![0] === token?.schemeName;
    if (list.length > 0 && !tokenOnly) operation.credentialAlternatives = list;
  }
}

/**
 * `credentials` with the environment variable each defaults to: `<PREFIX>_<SCHEME>` in upper snake
 * case (`appKey` → `ACME_APP_KEY`), none where that is empty or a name `taken` already holds (the
 * token's, the base URL's, a client option's, an earlier credential's): a variable read for two
 * options would fill both.
 */
export function withEnvVars(
  credentials: readonly AuthModel[],
  envPrefix: string,
  taken: readonly string[],
): CredentialModel[] {
  const used = new Set(taken);
  return credentials.map((scheme) => {
    const suffix = upperSnake(scheme.schemeName);
    const envVar = `${envPrefix}_${suffix}`;
    if (!/^[A-Z][A-Z0-9_]*$/.test(suffix) || used.has(envVar)) return { ...scheme };
    used.add(envVar);
    return { ...scheme, envVar };
  });
}
