/**
 * Configuration of the generated Gigs client (generated/src): options, environment variables,
 * defaults, and the error when the token is missing. No request leaves the machine: a custom
 * fetch answers where the default base URL would go out to the network.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Gigs, SDKError } from '../../generated/src/index.ts';
import { responseExample } from './harness.ts';
import { ROOT } from '../helpers/spec.ts';

/** The package's version, which it names in User-Agent. */
const { version } = JSON.parse(readFileSync(`${ROOT}generated/package.json`, 'utf8')) as {
  version: string;
};

const ENV = ['GIGS_TOKEN', 'GIGS_PROJECT', 'GIGS_BASE_URL'] as const;
const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));

afterEach(() => {
  for (const name of ENV) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

/** A fetch that records what would be sent and answers with a plan. */
function recordingFetch(): {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  seen: { url: string; headers: Record<string, string> }[];
} {
  const seen: { url: string; headers: Record<string, string> }[] = [];
  return {
    seen,
    fetch: (url, init) => {
      seen.push({
        url,
        headers: { ...(init.headers as Record<string, string>) },
      });
      return Promise.resolve(Response.json(responseExample('retrievePlan').body));
    },
  };
}

describe('new Gigs()', () => {
  it('fails at once without a token, saying how to give one', () => {
    for (const name of ENV) delete process.env[name];
    expect(() => new Gigs()).toThrow(SDKError);
    expect(() => new Gigs({ project: 'p' })).toThrow(
      'Missing API token: pass it as `new Gigs({ token })` or set the GIGS_TOKEN environment variable.',
    );
    expect(() => new Gigs({ token: '' })).toThrow('Missing API token');
  });

  it('reads GIGS_TOKEN and GIGS_PROJECT, and sends to https://api.gigs.com by default', async () => {
    delete process.env['GIGS_BASE_URL'];
    process.env['GIGS_TOKEN'] = 'env-token';
    process.env['GIGS_PROJECT'] = 'env-project';
    const { fetch, seen } = recordingFetch();
    await new Gigs({ fetch }).plans.retrieve('pln_1');
    expect(seen).toEqual([
      {
        url: 'https://api.gigs.com/projects/env-project/plans/pln_1',
        headers: {
          accept: 'application/json',
          authorization: 'Bearer env-token',
          'user-agent': `gigs-sdk/${version} node/${process.versions.node} (${process.platform}; ${process.arch})`,
        },
      },
    ]);
  });

  it('prefers options to the environment; GIGS_BASE_URL moves the default', async () => {
    process.env['GIGS_TOKEN'] = 'env-token';
    process.env['GIGS_PROJECT'] = 'env-project';
    process.env['GIGS_BASE_URL'] = 'https://sandbox.example/v1';
    const { fetch, seen } = recordingFetch();
    await new Gigs({ fetch }).plans.retrieve('pln_1');
    await new Gigs({
      fetch,
      token: 'opt-token',
      project: 'opt-project',
      baseURL: 'https://other.example',
    }).plans.retrieve('pln_1');
    expect(seen.map((s) => [s.url, s.headers['authorization']])).toEqual([
      ['https://sandbox.example/v1/projects/env-project/plans/pln_1', 'Bearer env-token'],
      ['https://other.example/projects/opt-project/plans/pln_1', 'Bearer opt-token'],
    ]);
  });

  it('without a project anywhere, a call says how to give one, before sending', async () => {
    delete process.env['GIGS_PROJECT'];
    const { fetch, seen } = recordingFetch();
    const gigs = new Gigs({ token: 't', fetch });
    await expect(gigs.plans.retrieve('pln_1')).rejects.toThrow(
      'Missing "project": pass it to this method, or set `project` in `new Gigs({ project })` or the GIGS_PROJECT environment variable.',
    );
    expect(seen).toHaveLength(0);
  });

  it('has the documented defaults, and shows them (never the token) as JSON', () => {
    const gigs = new Gigs({ token: 'sk_SECRET_json', project: 'p' });
    const json = JSON.stringify(gigs);
    expect(json).not.toContain('sk_SECRET_json');
    expect(JSON.parse(json).plans._client).toEqual({
      baseURL: 'https://api.gigs.com',
      timeout: 60_000,
      maxRetries: 2,
      backoff: { initialDelay: 500, maxDelay: 8_000, maxRetryAfter: 60_000 },
      autoIdempotencyKeys: true,
      responseValidation: 'off',
      maxResponseSize: 64 * 1024 * 1024,
    });
  });

  it('refuses invalid settings at once', () => {
    expect(() => new Gigs({ token: 't', timeout: -1 })).toThrow(
      'timeout must be a positive number of milliseconds (Infinity for none), got -1.',
    );
    expect(() => new Gigs({ token: 't', maxRetries: 0.5 })).toThrow(
      'maxRetries must be a non-negative integer, got 0.5.',
    );
  });

  it('refuses options of the wrong type before a default or the environment fills them in', () => {
    process.env['GIGS_TOKEN'] = 'sk_env';
    process.env['GIGS_BASE_URL'] = 'https://env.example';
    const refused = (options: unknown) => {
      try {
        new Gigs(options as ConstructorParameters<typeof Gigs>[0]);
      } catch (error) {
        expect(error).toBeInstanceOf(SDKError);
        return (error as Error).message;
      }
      return 'accepted';
    };
    // From JavaScript: `null` is not "no options", and a null option is not "use the default".
    expect(refused(null)).toBe("The client's options must be an object, got null.");
    expect(refused({ baseURL: null })).toBe('The option baseURL must be a string, got null.');
    expect(refused({ token: null })).toBe('The option token must be a string, got null.');
    // The client's own options too: `project: null` is not the environment's GIGS_PROJECT.
    expect(refused({ project: null })).toBe('The option project must be a string, got null.');
    expect(refused({})).toBe('accepted');
  });

  it('refuses a base URL fetch would refuse, at once, never showing its password', () => {
    const refusal = (baseURL: string): string => {
      try {
        new Gigs({ token: 't', project: 'p', baseURL });
      } catch (error) {
        expect(error).toBeInstanceOf(SDKError);
        return (error as Error).message;
      }
      throw new Error(`new Gigs() took ${baseURL}`);
    };
    const withPassword = refusal('https://alice:s3cr%40t@api.example.com/v1');
    expect(withPassword).toContain('"https://alice:[redacted]@api.example.com/v1"');
    expect(withPassword).toContain('holds credentials');
    expect(withPassword).not.toContain('s3cr');
    // A user name alone is usually a token.
    const withToken = refusal('https://ghp_0123456789abcdef@api.example.com');
    expect(withToken).toContain('"https://[redacted]@api.example.com"');
    expect(withToken).not.toContain('ghp_');
    // Forms fetch reads as the same URL (WHATWG URL): the check and the redaction read them alike.
    for (const odd of [
      ' https://u:secret@api.example.com',
      'ht\ttps://u:secret@api.example.com',
      'https:\\\\u:secret@api.example.com',
      'https:u:secret@api.example.com',
      'https:/u:secret@api.example.com',
      'https://\nu:secret@api.example.com\n',
    ]) {
      const message = refusal(odd);
      expect(message, JSON.stringify(odd)).toContain('"https://u:[redacted]@api.example.com"');
      expect(message).not.toContain('secret');
    }
    expect(refusal('https:\\\\ghp_SECRET@api.example.com')).toContain(
      '"https://[redacted]@api.example.com"',
    );
    // Without `//`, `alice:` reads as a scheme: the text is shown with what would be credentials hidden.
    const schemeless = refusal('alice:s3cret@api.example.com');
    expect(schemeless).toContain('"alice:[redacted]@api.example.com" has the scheme alice:');
    expect(schemeless).not.toContain('s3cret');
    expect(refusal('ftp://api.example.com')).toContain('has the scheme ftp:');

    expect(refusal('https://api example.com')).toContain('is not a valid URL');
    // Fetch never connects to a blocked port (Fetch §2.9) nor reads an empty host: every call
    // failed as a connection error, retried, or went to the host `v1`.
    expect(refusal('http://127.0.0.1:6667/v1')).toContain(
      'is on port 6667, which fetch never connects to',
    );
    expect(refusal('https://api.example.com:0')).toContain('no server listens on port 0');
    expect(refusal('https:///v1')).toContain('has an empty host');
    // A relative one no page resolves (an invalid port) threw a bare TypeError at every call.
    expect(refusal('//:0/v1')).toContain('"//:0/v1" is not a valid URL');
    expect(
      () =>
        new Gigs({
          token: 't',
          project: 'p',
          baseURL: 'http://127.0.0.1:6668',
          fetch: globalThis.fetch,
        }),
    ).not.toThrow();
    process.env['GIGS_BASE_URL'] = 'https://bob:hunter2@api.example.com';
    expect(() => new Gigs({ token: 't' })).toThrow('"https://bob:[redacted]@api.example.com"');
  });

  it('refuses, at the call, a relative base URL with credentials, resolved or not', async () => {
    const client = new Gigs({
      token: 't',
      project: 'p',
      baseURL: '//alice:s3cret@api.example.com',
    });
    const message = async (): Promise<string> =>
      String(await client.plans.retrieve('pln_1').catch((caught: unknown) => caught));
    expect(await message()).toContain('"//alice:[redacted]@api.example.com" is relative');
    const page = globalThis as { document?: { baseURI: string } };
    page.document = { baseURI: 'https://app.example/page.html' };
    try {
      expect(await message()).toContain(
        '"https://alice:[redacted]@api.example.com/" holds credentials',
      );
      expect(await message()).not.toContain('s3cret');
    } finally {
      delete page.document;
    }
  });

  it('reads a base URL without the spaces around it (a pasted value), as fetch would', async () => {
    const { fetch, seen } = recordingFetch();
    await new Gigs({
      token: 't',
      project: 'p',
      baseURL: ' https://api.example.com/v1 \n',
      fetch,
    }).plans.retrieve('pln_1');
    expect(seen[0]!.url).toBe('https://api.example.com/v1/projects/p/plans/pln_1');
  });

  it("lets a fetch of the caller's own take credentials in the base URL, and redacts them", async () => {
    const error: unknown = await new Gigs({
      token: 't',
      project: 'p',
      baseURL: 'https://alice:s3cr%40t@api.example.com',
      maxRetries: 0,
      fetch: (url) => Promise.reject(new TypeError(`cannot reach ${url} as alice:s3cr@t`)),
    }).plans
      .retrieve('pln_1')
      .catch((caught: unknown) => caught);
    expect(String(error)).toContain('cannot reach https://alice:[redacted]@api.example.com/');
    expect(String(error)).not.toContain('s3cr');
    for (const odd of [
      'ht\ttps://u:secret@api.example.com',
      'https:\\\\u:secret@api.example.com',
      'https:u:secret@host',
      ' https://u:secret@host',
      'u:secret@host',
    ]) {
      const failed: unknown = await new Gigs({
        token: 't',
        project: 'p',
        baseURL: odd,
        maxRetries: 0,
        fetch: (url) => Promise.reject(new TypeError(`cannot reach ${url}`)),
      }).plans
        .retrieve('pln_1')
        .catch((caught: unknown) => caught);
      expect(String(failed), JSON.stringify(odd)).toContain('[redacted]');
      expect(String(failed)).not.toContain('secret');
    }
  });
});
