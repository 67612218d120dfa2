/** How the client sends its token, from the spec's security schemes (client-file.ts `tokenAuth`). */
import { describe, expect, it } from 'vitest';
import { emitClient } from '../../../generator/emit/client.ts';
import type { AuthModel } from '../../../generator/model/types.ts';
import { printSourceFiles } from '../../../generator/write/print.ts';
import { clientModel } from '../../fixtures/models/client-model.ts';

function clientFile(auth: AuthModel[]): string {
  const files = emitClient({ ...clientModel(), auth });
  const text = printSourceFiles(files)[files.findIndex((file) => file.path === 'src/client.ts')];
  return (text ?? '').replace(/\s+/g, ' ').replace(/"/g, "'");
}

describe('the token', () => {
  it.each<[string, AuthModel[], string | undefined, string]>([
    [
      'a bearer scheme (the runtime default)',
      [{ kind: 'bearer', schemeName: 'b' }],
      undefined,
      'sent as `Authorization: Bearer <token>`',
    ],
    [
      'bearer before an API key',
      [
        { kind: 'apiKey', schemeName: 'k', in: 'header', name: 'X-Key' },
        { kind: 'bearer', schemeName: 'b' },
      ],
      undefined,
      'sent as `Authorization: Bearer <token>`',
    ],
    [
      'an API key header',
      [{ kind: 'apiKey', schemeName: 'k', in: 'header', name: 'X-Key' }],
      "auth: { in: 'header', name: 'X-Key' }",
      'sent in the `X-Key` header',
    ],
    [
      'an API key in the query',
      [{ kind: 'apiKey', schemeName: 'k', in: 'query', name: 'api_key' }],
      "auth: { in: 'query', name: 'api_key' }",
      'sent as the `api_key` query parameter',
    ],
    [
      'an API key cookie',
      [{ kind: 'apiKey', schemeName: 'k', in: 'cookie', name: 'sid' }],
      "auth: { in: 'cookie', name: 'sid' }",
      'sent as the `sid` cookie',
    ],
    [
      'HTTP Basic',
      [{ kind: 'basic', schemeName: 'b' }],
      "auth: { in: 'header', name: 'Authorization', scheme: 'Basic' }",
      '`username:password`, sent as HTTP Basic authentication',
    ],
  ])('%s', (_name, auth, option, doc) => {
    const text = clientFile(auth);
    if (option === undefined) expect(text).not.toContain('auth: {');
    else expect(text).toContain(option);
    expect(text).toContain(doc);
    expect(text).toContain('token?: string | undefined;');
  });

  it('no token option without a scheme it can fill', () => {
    expect(clientFile([])).not.toContain('token?:');
  });
});
