/**
 * `components.securitySchemes` → AuthModel[], in spec order. OAuth 2 and OpenID Connect tokens are
 * sent as bearer tokens, so they become `bearer` too; the client never runs those flows itself.
 */
import { GeneratorError, joinPointer } from '../errors.ts';
import { getByPointer, isRecord, refOf } from '../load/pointer.ts';
import type { AuthModel } from './types.ts';

export function buildAuth(doc: Record<string, unknown>, file: string): AuthModel[] {
  const components = isRecord(doc.components) ? doc.components : {};
  const schemes = isRecord(components.securitySchemes) ? components.securitySchemes : {};
  const auth: AuthModel[] = [];
  for (const [schemeName, raw] of Object.entries(schemes)) {
    const pointer = joinPointer('#/components/securitySchemes', schemeName);
    const ref = refOf(raw);
    const scheme = ref === undefined ? raw : getByPointer(doc, ref);
    if (!isRecord(scheme)) {
      throw new GeneratorError(
        `security scheme ${JSON.stringify(schemeName)} is not an object`,
        { file, pointer },
        'define the scheme with `type: http` (and `scheme: bearer`), `type: apiKey` or `type: oauth2`',
      );
    }
    const model = authModel(schemeName, scheme, pointer, file);
    if (model !== undefined) auth.push(model);
  }
  return auth;
}

function authModel(
  schemeName: string,
  scheme: Record<string, unknown>,
  pointer: string,
  file: string,
): AuthModel | undefined {
  const description = typeof scheme.description === 'string' ? scheme.description : undefined;
  switch (scheme.type) {
    case 'http': {
      const httpScheme = typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : '';
      if (httpScheme === 'basic') return { kind: 'basic', schemeName };
      if (httpScheme === 'bearer')
        return withDescription({ kind: 'bearer', schemeName }, description);
      // Other HTTP schemes (digest, hoba, …) need a handshake the client does not do.
      return undefined;
    }
    case 'oauth2':
    case 'openIdConnect':
      return withDescription({ kind: 'bearer', schemeName }, description);
    case 'apiKey': {
      const location = scheme.in;
      if (
        (location !== 'header' && location !== 'query' && location !== 'cookie') ||
        typeof scheme.name !== 'string'
      ) {
        throw new GeneratorError(
          `apiKey security scheme ${JSON.stringify(schemeName)} needs \`in\` (header, query or cookie) and \`name\``,
          { file, pointer },
          'add e.g. `in: header` and `name: X-API-Key`',
        );
      }
      return { kind: 'apiKey', schemeName, in: location, name: scheme.name };
    }
    default:
      // mutualTLS and unknown types: nothing the client can fill from an option.
      return undefined;
  }
}

function withDescription(
  model: AuthModel & { kind: 'bearer' },
  description: string | undefined,
): AuthModel {
  return description === undefined ? model : { ...model, description };
}
