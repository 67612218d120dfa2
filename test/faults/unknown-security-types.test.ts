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
      ['security-scheme:unknown-type', '#/components/securitySchemes/signed/type', 1],
      ['security-scheme:http-scheme', '#/components/securitySchemes/digest/scheme', 0],
      ['security:unmet:signed', '#/security', 0],
    ]);
    const [unknown] = pkg.model.warnings;
    expect(unknown!.message).toMatch(
      /^test\/fixtures\/faults\/unknown-security-types\.yaml #\/components\/securitySchemes\/signed\/type: security scheme "signed" has the type "awsSigV4", which is not an OpenAPI security scheme type .*\n {2}fix: set `type` to one of apiKey, http/,
    );
    // "key"'s own words and fix, not counted under "signed"'s.
    expect(unknown!.message).toMatch(
      /\n {2}also \S+ #\/components\/securitySchemes\/key\/type: security scheme "key" has the type "apikey".*\n {4}fix: write `type: apiKey` \(the type is case-sensitive\)$/,
    );
    expect(unknown!.message).not.toContain('more place');
    expect(pkg.model.auth).toEqual([]);
    expect(pkg.model.tokenAuth).toBeUndefined();
    expect(pkg.files.get('src/client.ts')).not.toMatch(/signed|awsSigV4|X-Key|digest/i);
    expect(diagnostics(pkg)).toEqual([]);
  });
});
