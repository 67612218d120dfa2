/**
 * Security schemes the client sends no credential for (unknown-security-types.yaml): an unknown
 * or misspelt `type`, an HTTP scheme other than Basic and Bearer. Each is warned about with its
 * name and place (they were ignored silently); the client does not authenticate with any of them.
 */
import { describe, expect, it } from 'vitest';
import { diagnostics, faultPackage } from './package.ts';

describe('security schemes of unknown types', () => {
  it('are warned about with name, place and fix, and the client sends nothing for them', async () => {
    const pkg = await faultPackage('unknown-security-types.yaml');
    const warnings = pkg.model.warnings.map((w) => [w.key, w.location.pointer, w.more]);
    expect(warnings).toEqual([
      ['security-scheme:unknown-type', '#/components/securitySchemes/signed/type', 2],
      ['security-scheme:http-scheme', '#/components/securitySchemes/digest/scheme', 1],
      ['security:unmet:signed', '#/security', 0],
    ]);
    const [unknown] = pkg.model.warnings;
    expect(unknown!.message).toMatch(
      /^test\/fixtures\/faults\/unknown-security-types\.yaml #\/components\/securitySchemes\/signed\/type: security scheme "signed" has the type "awsSigV4", which is not an OpenAPI security scheme type .*\n {2}fix: set `type` to one of apiKey, http/,
    );
    // "key"'s own words and fix, not counted under "signed"'s.
    expect(unknown!.message).toMatch(
      /\n {2}also \S+ #\/components\/securitySchemes\/key\/type: security scheme "key" has the type "apikey".*\n {4}fix: write `type: apiKey` \(the type is case-sensitive\)\n/,
    );
    expect(unknown!.message).not.toContain('more place');
    // A missing `type` or `scheme` is said as missing, at the scheme, never as `undefined`.
    const messages = pkg.model.warnings.map((w) => w.message).join('\n');
    expect(messages).not.toMatch(/undefined|\[object Object\]/);
    expect(unknown!.message).toMatch(
      /\n {2}also \S+ #\/components\/securitySchemes\/untyped: security scheme "untyped" has no `type` \(OpenAPI requires one: apiKey, http, oauth2, openIdConnect, mutualTLS\)/,
    );
    expect(messages).toMatch(
      /also \S+ #\/components\/securitySchemes\/bare: security scheme "bare" is HTTP with no `scheme`, which the client cannot send/,
    );
    expect(pkg.model.auth).toEqual([]);
    expect(pkg.model.tokenAuth).toBeUndefined();
    expect(pkg.files.get('src/client.ts')).not.toMatch(/signed|awsSigV4|X-Key|digest/i);
    expect(diagnostics(pkg)).toEqual([]);
  });
});
