/**
 * How the client sends its token: the scheme the model picks from the spec's security schemes
 * (build-auth.ts `tokenAuth`), as client-file.ts prints it.
 */
import { describe, expect, it } from 'vitest';
import { emitClient } from '../../../generator/emit/client.ts';
import { constructClient } from '../../../generator/emit/code-samples.ts';
import { curlSample } from '../../../generator/emit/curl-sample.ts';
import { emitReadme } from '../../../generator/emit/readme.ts';
import { tokenAuth } from '../../../generator/model/build-auth.ts';
import type { AuthModel } from '../../../generator/model/types.ts';
import { printSourceFiles } from '../../../generator/write/print.ts';
import { clientModel } from '../../fixtures/models/client-model.ts';

function clientFile(auth: AuthModel[]): string {
  const files = emitClient({ ...clientModel(), auth, tokenAuth: tokenAuth(auth) });
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

/** The README, the docs' TypeScript sample and the curl sample follow the client's one choice. */
describe('the samples send the token as the client does', () => {
  function samples(auth: AuthModel[]): { readme: string; construct: string; curl: string } {
    const model = { ...clientModel(), auth, tokenAuth: tokenAuth(auth) };
    const retrieve = model.operations.find((op) => op.operationId === 'retrievePlan')!;
    return {
      readme: emitReadme(model).text,
      construct: constructClient(model),
      curl: curlSample(retrieve, model),
    };
  }

  it.each<[string, AuthModel[], string | undefined]>([
    [
      'bearer, listed after an API key',
      [
        { kind: 'apiKey', schemeName: 'k', in: 'header', name: 'X-Key' },
        { kind: 'bearer', schemeName: 'b' },
      ],
      '--header "Authorization: Bearer $FIXTURE_TOKEN"',
    ],
    [
      'an API key header',
      [{ kind: 'apiKey', schemeName: 'k', in: 'header', name: 'X-Key' }],
      `--header 'X-Key: '"$FIXTURE_TOKEN"`,
    ],
    [
      'an API key header whose name a shell would expand (RFC 9110 token characters)',
      [{ kind: 'apiKey', schemeName: 'k', in: 'header', name: 'X-`id`$HOME!' }],
      `--header 'X-\`id\`$HOME!: '"$FIXTURE_TOKEN"`,
    ],
    [
      'an API key cookie',
      [{ kind: 'apiKey', schemeName: 'k', in: 'cookie', name: 'sid' }],
      `--cookie 'sid='"$FIXTURE_TOKEN"`,
    ],
    [
      'an API key cookie whose name a shell would expand',
      [{ kind: 'apiKey', schemeName: 'k', in: 'cookie', name: 'c$HOME`id`' }],
      `--cookie 'c$HOME\`id\`='"$FIXTURE_TOKEN"`,
    ],
    [
      'an API key in the query (curl percent-encodes it)',
      [{ kind: 'apiKey', schemeName: 'k', in: 'query', name: 'api_key' }],
      `--url-query 'api_key='"$FIXTURE_TOKEN"`,
    ],
    [
      'an API key in the query whose name a shell would expand',
      [{ kind: 'apiKey', schemeName: 'k', in: 'query', name: "$(rm -rf ~)'`x`" }],
      // Encoded as the client encodes it: `(`, `)` and `'` too, so nothing is left to quote.
      `--url-query '%24%28rm%20-rf%20~%29%27%60x%60='"$FIXTURE_TOKEN"`,
    ],
    [
      'HTTP Basic (the token is username:password)',
      [{ kind: 'basic', schemeName: 'b' }],
      '--user "$FIXTURE_TOKEN"',
    ],
  ])('%s', (_name, auth, curlAuth) => {
    const { readme, construct, curl } = samples(auth);
    expect(readme).toContain("token: 'YOUR_API_TOKEN'");
    expect(readme).toContain('`token`: `FIXTURE_TOKEN`');
    expect(construct).toContain('Reads FIXTURE_TOKEN');
    if (curlAuth === undefined) expect(curl).not.toContain('FIXTURE_TOKEN');
    else expect(curl).toContain(curlAuth);
    expect(curl.match(/FIXTURE_TOKEN/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it('no token anywhere without a scheme the client can fill', () => {
    const { readme, construct, curl } = samples([]);
    expect(`${readme}\n${construct}\n${curl}`).not.toContain('TOKEN');
  });
});
