/**
 * The pieces of `npm run release` that need no repository: the next version (semver, 0.x too),
 * refusing a version too low for the changes, the changelog entry and file, writing the version
 * into the spec, and the generator reading it from there.
 */
import { describe, expect, it } from 'vitest';
import { buildInfo, buildSdkSettings } from '../../generator/model/build-info.ts';
import type { Change } from '../../scripts/lib/diff/change.ts';
import { sdkRuleLevels } from '../../scripts/lib/diff/rules.ts';
import {
  hasEntry,
  prependEntry,
  renderEntry,
  sectionOf,
} from '../../scripts/lib/release/changelog.ts';
import { withPackageVersion } from '../../scripts/lib/release/record.ts';
import { nextVersion, refuseVersion } from '../../scripts/lib/release/version.ts';
import { Warnings } from '../../generator/warnings.ts';

describe('nextVersion: semver, and the caret rule for 0.x', () => {
  it.each([
    ['1.2.3', 'major', '2.0.0'],
    ['1.2.3', 'minor', '1.3.0'],
    ['1.2.3', 'patch', '1.2.4'],
    ['1.2.3', 'none', '1.2.3'],
    ['0.3.1', 'major', '0.4.0'],
    ['0.3.1', 'minor', '0.3.2'],
    ['0.3.1', 'patch', '0.3.2'],
    ['0.0.4', 'major', '0.1.0'],
    // After a prerelease the series goes on while its release covers the change (helper-134 10).
    ['2.0.0-beta.1', 'patch', '2.0.0-beta.2'],
    ['2.0.0-beta.1', 'major', '2.0.0-beta.2'],
    ['1.1.0-beta.0', 'minor', '1.1.0-beta.1'],
    ['1.1.0-beta.0', 'major', '2.0.0-beta.0'],
    ['1.1.3-rc.2', 'minor', '1.2.0-rc.0'],
    ['1.0.0-0', 'patch', '1.0.0-1'],
    ['0.4.0-beta.0', 'major', '0.4.0-beta.1'],
    ['0.4.1-beta.0', 'major', '0.5.0-beta.0'],
  ] as const)('%s + %s → %s', (last, bump, next) => {
    expect(nextVersion(last, bump)).toBe(next);
  });
});

describe('refuseVersion: a breaking change needs a major bump', () => {
  it.each([
    ['1.2.3', 'major', '2.0.0', undefined],
    ['1.2.3', 'major', '3.0.0', undefined],
    [
      '1.2.3',
      'major',
      '1.3.0',
      /breaking, but 1\.3\.0 is inside \^1\.2\.3.*needs to be a major release \(2\.0\.0 or later/,
    ],
    ['0.3.1', 'major', '0.3.9', /breaking, but 0\.3\.9 is inside \^0\.3\.1.*\(0\.4\.0 or later, or a prerelease/],
    ['0.3.1', 'major', '0.4.0', undefined],
    [
      '1.2.3',
      'minor',
      '1.2.4',
      /the changes since 1\.2\.3 are minor: the next version is 1\.3\.0 or later/,
    ],
    ['1.2.3', 'none', '1.2.4', undefined],
    ['1.2.3', 'patch', '1.2.3', /^1\.2\.3 is already released \(the last release\)$/],
    ['1.2.3', 'patch', '1.2.2', /^1\.2\.2 is not above the last release, 1\.2\.3$/],
    ['1.2.3', 'patch', 'next', /next is not a semantic version/],
    // helper-120 L3, L4: the text was written into the changelog, the tag and the record as given.
    ['1.2.3', 'minor', ' 1.3.0', /^" 1\.3\.0" is not written as a semantic version is: pass 1\.3\.0$/],
    ['1.2.3', 'minor', 'v1.3.0', /^"v1\.3\.0" is not written .*: pass 1\.3\.0$/],
    [
      '1.2.3',
      'minor',
      '1.3.0+build.7',
      /^1\.3\.0\+build\.7 has build metadata \(\+build\.7\), which npm drops when it publishes \(it would be 1\.3\.0\): pass the version without it, or a prerelease \(1\.3\.0-build\.7\)$/,
    ],
    ['1.2.3', 'minor', '1.3.0-rc.1+sha.5', /or a prerelease \(1\.3\.0-rc\.1\.sha\.5\)$/],
    // A prerelease of the needed release or a later one: users of ^1.2.3 never get it.
    ['1.2.3', 'major', '2.0.0-beta.1', undefined],
    ['1.2.3', 'major', '2.0.0-rc.0', undefined],
    ['1.2.3', 'minor', '1.3.0-alpha', undefined],
    ['2.0.0-beta.1', 'major', '2.0.0-beta.2', undefined],
    ['2.0.0-beta.1', 'patch', '2.0.0', undefined],
    [
      '1.2.3',
      'major',
      '1.9.0-beta.1',
      /breaking, but 1\.9\.0 is inside \^1\.2\.3.*1\.9\.0-beta\.1 \(a prerelease of 1\.9\.0\) needs to be a major release \(2\.0\.0 or later, or a prerelease of one/,
    ],
    ['1.2.3', 'minor', '1.2.4-beta.1', /next version is 1\.3\.0 or later \(or a prerelease of one\), not 1\.2\.4-beta\.1 \(a prerelease of 1\.2\.4\)/],
    ['1.2.3', 'patch', '1.2.3-beta.1', /not above the last release, 1\.2\.3/],
  ] as const)('%s, %s changes, %s requested', (last, bump, requested, refusal) => {
    const reason = refuseVersion(last, bump, requested);
    if (refusal === undefined) expect(reason).toBeUndefined();
    else expect(reason).toMatch(refusal);
  });
});

const change = (
  level: Change['level'],
  kind: string,
  location: string,
  message: string,
): Change => ({
  level,
  kind,
  location,
  message,
});

describe('the changelog', () => {
  const changes: Change[] = [
    change(
      'major',
      'sdk/method-removed',
      'client.orders.retrieve()',
      '`client.orders.retrieve()` removed',
    ),
    change(
      'minor',
      'sdk/result-property-added',
      'client.orders.list()',
      '`client.orders.list()` result: new optional property `[].nickname`',
    ),
    change(
      'minor',
      'sdk/result-property-added',
      'client.orders.create()',
      '`client.orders.create()` result: new optional property `nickname`',
    ),
    change(
      'minor',
      'sdk/result-property-added',
      'client.orders.update()',
      '`client.orders.update()` result: new optional property `nickname`',
    ),
    change(
      'minor',
      'sdk/method-deprecated',
      'client.orders.list()',
      '`client.orders.list()` deprecated',
    ),
    change(
      'patch',
      'sdk/docs-changed',
      'client.orders.list()',
      '`client.orders.list()`: documentation changed',
    ),
    change(
      'patch',
      'sdk/result-property-required',
      'client.orders.create()',
      '`client.orders.create()` result: property `note` is now always present',
    ),
    change(
      'minor',
      'wire/schema-added',
      'GET /orders',
      'response 200 property `[].nickname` added',
    ),
  ];

  it('puts every addition in Added: each SDK rule that adds something (a method, an export, a typed path, …)', () => {
    const additions = Object.entries(sdkRuleLevels())
      .filter(([rule, level]) => rule.endsWith('-added') && level !== 'major')
      .map(([rule]) => rule);
    expect(additions).toContain('typed-path-added');
    for (const rule of additions)
      expect([rule, sectionOf(change('minor', `sdk/${rule}`, 'x', 'x'))]).toEqual([rule, 'Added']);
    expect(
      sectionOf(
        change('minor', 'sdk/typed-path-added', '/orders', 'the typed path client has `DELETE /orders`'),
      ),
    ).toBe('Added');
  });

  it('groups changes as Breaking / Added / Changed / Deprecated / Fixed, one line per change in SDK terms', () => {
    expect(changes.map(sectionOf)).toEqual([
      'Breaking',
      'Added',
      'Added',
      'Added',
      'Deprecated',
      'Changed',
      'Fixed',
      'Added',
    ]);
    expect(renderEntry({ version: '2.0.0', date: '2026-11-30', changes })).toBe(
      [
        '## 2.0.0 (2026-11-30)',
        '',
        '### Breaking',
        '',
        '- `client.orders.retrieve()` removed',
        '',
        '### Added',
        '',
        '- `client.orders.create()`, `client.orders.update()` result: new optional property `nickname`',
        '- `client.orders.list()` result: new optional property `[].nickname`',
        '',
        '### Changed',
        '',
        '- `client.orders.list()`: documentation changed',
        '',
        '### Deprecated',
        '',
        '- `client.orders.list()` deprecated',
        '',
        '### Fixed',
        '',
        '- `client.orders.create()` result: property `note` is now always present',
        '',
      ].join('\n'),
    );
  });

  it('lists a wire change only when it rates the release above everything the SDK level saw', () => {
    const entry = renderEntry({
      version: '2.0.0',
      date: '2026-11-30',
      changes: [
        change(
          'patch',
          'sdk/docs-changed',
          'client.orders.list()',
          '`client.orders.list()`: documentation changed',
        ),
        change('patch', 'wire/operation-modified', 'GET /orders', '`description` changed'),
        change(
          'major',
          'wire/schema-constraint-changed',
          'POST /orders',
          'maxLength of `note` decreased',
        ),
      ],
    });
    expect(entry).toContain('### Breaking\n\n- `POST /orders`: maxLength of `note` decreased\n');
    expect(entry).not.toContain('`description` changed');
  });

  it('lists every wire change no SDK line says, also when the SDK level saw a breaking change of its own', () => {
    const entry = renderEntry({
      version: '2.0.0',
      date: '2026-11-30',
      changes: [
        change(
          'major',
          'sdk/parameter-renamed',
          'client.plans.list()',
          '`client.plans.list()` parameter `provider` renamed to `providers`',
        ),
        change(
          'major',
          'wire/schema-constraint-changed',
          'GET /plans/{plan}',
          'maxLength of `plan` set to 64',
        ),
        change('minor', 'wire/operation-added', 'GET /orders', 'operation added'),
      ],
    });
    expect(entry).toContain('- `GET /plans/{plan}`: maxLength of `plan` set to 64');
    expect(entry).toContain('parameter `provider` renamed to `providers`');
    expect(entry).not.toContain('operation added');
  });

  it('lists a wire change the SDK says in its own terms once: as the SDK line', () => {
    const entry = renderEntry({
      version: '2.0.0',
      date: '2026-11-30',
      changes: [
        change(
          'major',
          'sdk/result-property-removed',
          'client.orders.retrieve()',
          '`client.orders.retrieve()` result: property `note` removed',
        ),
        change('major', 'wire/property-removed', 'GET /orders/{order}', 'Property `note` was removed'),
        change(
          'major',
          'wire/parameter-removed',
          'GET /orders',
          '`customer` query parameter was removed',
        ),
      ],
    });
    expect(entry).toBe(
      [
        '## 2.0.0 (2026-11-30)',
        '',
        '### Breaking',
        '',
        '- `client.orders.retrieve()` result: property `note` removed',
        '',
      ].join('\n'),
    );
  });

  it('one change to an exported type is one line naming the type, then where methods meet it', () => {
    const inPlan = (location: string, path: string, use = 'results') => ({
      ...change(
        'minor',
        'sdk/result-property-added',
        location,
        `\`${location}\` result: new optional property \`${path}\``,
      ),
      inType: { name: 'Plan', message: '`Plan`: new optional property `nickname`', use },
    });
    const changes: Change[] = [
      inPlan('client.plans.list()', 'items[].nickname'),
      inPlan('client.plans.retrieve()', 'nickname'),
      inPlan('client.subscriptionChanges.create()', 'plan.nickname'),
      inPlan('client.subscriptionChanges.list()', 'items[].plan.nickname'),
      {
        ...change(
          'minor',
          'sdk/parameter-enum-values-added',
          'client.plans.list()',
          '`client.plans.list()` params: `status[]` now accepts `"retired"`',
        ),
        inType: {
          name: 'PlanStatus',
          message: '`PlanStatus` now accepts `"retired"`',
          use: 'params `status[]`',
        },
      },
      // Inline schemas (an operation's own): no type to name, one line per message as before.
      change(
        'minor',
        'sdk/result-property-added',
        'client.plans.list()',
        '`client.plans.list()` result: new optional property `total`',
      ),
      change(
        'minor',
        'sdk/result-property-added',
        'client.plans.search()',
        '`client.plans.search()` result: new optional property `total`',
      ),
    ];
    const methods = [
      'client.plans.list',
      'client.plans.retrieve',
      'client.plans.search',
      'client.subscriptionChanges.create',
      'client.subscriptionChanges.list',
    ];
    expect(renderEntry({ version: '1.1.0', date: '2026-11-30', changes, methods })).toBe(
      [
        '## 1.1.0 (2026-11-30)',
        '',
        '### Added',
        '',
        '- `Plan`: new optional property `nickname` — in results of `client.plans.list()`, `retrieve()` and `client.subscriptionChanges.*()`',
        '- `PlanStatus` now accepts `"retired"` — in params `status[]` of `client.plans.list()`',
        '- `client.plans.list()`, `client.plans.search()` result: new optional property `total`',
        '',
      ].join('\n'),
    );
    // Without the client's methods, no resource is called complete: each method is named.
    expect(renderEntry({ version: '1.1.0', date: '2026-11-30', changes })).toContain(
      '— in results of `client.plans.list()`, `retrieve()` and `client.subscriptionChanges.create()`, `list()`\n',
    );
  });

  it('orders every section the same whatever order the changes come in: types, then methods, then the wire, each by name', () => {
    const inType = (name: string, location: string, message: string, use = 'results') => ({
      ...change('minor', 'sdk/result-property-added', location, `\`${location}\` result: ${message}`),
      inType: { name, message: `\`${name}\`: ${message}`, use },
    });
    const changes: Change[] = [
      change('minor', 'sdk/method-added', 'client.plans.search()', '`client.plans.search()` added'),
      inType('Plan', 'client.subscriptionChanges.list()', 'new optional property `nickname`'),
      change('minor', 'sdk/export-added', 'AddonList', 'export `AddonList` added'),
      inType('Plan', 'client.plans.retrieve()', 'new optional property `nickname`'),
      change('minor', 'sdk/method-added', 'client.addons.archive()', '`client.addons.archive()` added'),
      inType('Addon', 'client.addons.list()', 'new optional property `label`'),
      inType('Plan', 'client.plans.list()', 'new optional property `alias`'),
      inType('Plan', 'client.plans.list()', 'new optional property `nickname`', 'params `expand`'),
      change('major', 'sdk/method-removed', 'client.plans.archive()', '`client.plans.archive()` removed'),
      change('major', 'sdk/export-removed', 'PlanSearchParams', 'export `PlanSearchParams` removed'),
      change('major', 'wire/schema-constraint-changed', 'GET /plans/{plan}', 'maxLength set to 64'),
      change(
        'major',
        'wire/parameter-serialization-changed',
        'DELETE /addons/{addon}',
        '`style` changed',
      ),
    ];
    const render = (list: Change[]) => renderEntry({ version: '2.0.0', date: '2026-12-02', changes: list });
    const entry = render(changes);
    // Two runs, two machines, any order of the changes: one changelog.
    expect(render([...changes].reverse())).toBe(entry);
    expect(render([...changes.slice(5), ...changes.slice(0, 5)])).toBe(entry);
    expect(entry).toBe(
      [
        '## 2.0.0 (2026-12-02)',
        '',
        '### Breaking',
        '',
        '- export `PlanSearchParams` removed',
        '- `client.plans.archive()` removed',
        '- `DELETE /addons/{addon}`: `style` changed',
        '- `GET /plans/{plan}`: maxLength set to 64',
        '',
        '### Added',
        '',
        '- `Addon`: new optional property `label` — in results of `client.addons.list()`',
        '- export `AddonList` added',
        '- `Plan`: new optional property `alias` — in results of `client.plans.list()`',
        '- `Plan`: new optional property `nickname` — in params `expand` of `client.plans.list()`; results of `client.plans.retrieve()` and `client.subscriptionChanges.list()`',
        '- `client.addons.archive()`, `client.plans.search()` added',
        '',
      ].join('\n'),
    );
  });

  it('a new file gets a title and an introduction; later entries go on top; a version is found', () => {
    const first = prependEntry(
      undefined,
      '## 1.0.0 (2026-01-01)\n\nInitial release.\n',
      'shop-sdk',
    );
    expect(first).toMatch(/^# Changelog\n\nEvery release of `shop-sdk`, newest first\./);
    const second = prependEntry(first, '## 1.1.0 (2026-02-01)\n\n### Added\n\n- x\n', 'shop-sdk');
    expect(second.indexOf('## 1.1.0')).toBeLessThan(second.indexOf('## 1.0.0'));
    expect(second.startsWith(first.slice(0, first.indexOf('## 1.0.0')))).toBe(true);
    expect(hasEntry(second, '1.1.0')).toBe(true);
    expect(hasEntry(second, '1.1')).toBe(false);
    expect(hasEntry(second, '1.0.0')).toBe(true);
    expect(hasEntry(second, '1.2.0')).toBe(false);
  });
});

describe('the version goes into the spec, where the generator reads it', () => {
  it('YAML: comments kept, the key set next to the other settings of x-sdk', () => {
    const yaml = [
      'openapi: 3.1.0',
      'info: {title: A, version: 2022-11-28}',
      'x-sdk:',
      '  clientName: A # the client',
      '  # the promise',
      '  compatibility:',
      '    method-added: minor',
      'paths: {}',
      '',
    ].join('\n');
    const once = withPackageVersion(yaml, 'openapi.yaml', '1.0.0');
    expect(once).toBe(yaml.replace('  # the promise', '  packageVersion: 1.0.0\n  # the promise'));
    expect(withPackageVersion(once, 'openapi.yaml', '1.1.0')).toBe(once.replace('1.0.0', '1.1.0'));
    expect(withPackageVersion('openapi: 3.1.0\npaths: {}\n', 'o.yaml', '0.1.0')).toBe(
      'openapi: 3.1.0\npaths: {}\nx-sdk:\n  packageVersion: 0.1.0\n',
    );
    expect(withPackageVersion('x-sdk: { clientName: A }\n', 'o.yaml', '0.1.0')).toBe(
      'x-sdk: { clientName: A, packageVersion: 0.1.0 }\n',
    );
    // Long lines and folded text elsewhere are left exactly as they are.
    const folded =
      'info:\n  description: >-\n    one two three four five six seven eight nine ten eleven twelve thirteen\n    fourteen\nx-sdk:\n  clientName: A\n';
    expect(withPackageVersion(folded, 'o.yaml', '2.0.0')).toBe(
      `${folded}  packageVersion: 2.0.0\n`,
    );
  });

  it('JSON: indentation kept', () => {
    const json = '{\n    "openapi": "3.0.3",\n    "x-sdk": { "clientName": "A" }\n}\n';
    expect(JSON.parse(withPackageVersion(json, 'openapi.json', '1.0.0'))).toEqual({
      openapi: '3.0.3',
      'x-sdk': { clientName: 'A', packageVersion: '1.0.0' },
    });
    expect(withPackageVersion(json, 'openapi.json', '1.0.0')).toContain(
      '\n    "x-sdk": {\n        "clientName"',
    );
  });

  it('the generator: --package-version, then x-sdk.packageVersion, then info.version', () => {
    const warnings = new Warnings();
    const settings = (doc: Record<string, unknown>, version?: string) =>
      buildSdkSettings(
        doc,
        buildInfo(doc),
        'spec.yaml',
        { packageName: undefined, packageVersion: version },
        warnings,
      ).packageVersion;
    const doc = {
      info: { title: 'A', version: '2022-11-28' },
      'x-sdk': { packageVersion: '1.4.0' },
    };
    expect(settings(doc)).toBe('1.4.0');
    expect(settings(doc, '2.0.0')).toBe('2.0.0');
    expect(settings({ info: { title: 'A', version: '1.2.3' } })).toBe('1.2.3');
    expect(settings({ info: { title: 'A', version: '1' } })).toBe('1.0.0');
    expect(settings({ info: { title: 'A', version: 'v2.1' } })).toBe('2.1.0');
    expect(settings({ info: { title: 'A', version: '1.01' } })).toBe('1.1.0');
    expect(warnings.list()).toEqual([]);
    expect(settings({ info: { title: 'A', version: '2022-11-28' } })).toBe('0.0.0-2022-11-28');
    // A version made up from info.version is said, with where to set the real one.
    expect(warnings.list().map((warning) => warning.message)).toEqual([
      expect.stringMatching(
        /spec\.yaml #\/info\/version: info\.version "2022-11-28" is not a semantic version, so the package's version is 0\.0\.0-2022-11-28\n {2}fix: set `x-sdk\.packageVersion`/,
      ),
    ]);
    const strict = new Warnings(true);
    buildSdkSettings(
      { info: { title: 'A', version: 'latest' } },
      buildInfo({ info: { title: 'A', version: 'latest' } }),
      'spec.yaml',
      { packageName: undefined, packageVersion: undefined },
      strict,
    );
    expect(strict.asErrors().map((error) => error.message)).toEqual([
      expect.stringMatching(/info\.version "latest" is not a semantic version.*--strict/),
    ]);
    expect(() => settings({ ...doc, 'x-sdk': { packageVersion: 'v1' } })).toThrow(
      /spec\.yaml #\/x-sdk\/packageVersion: "v1" is not a semantic version/,
    );
  });
});
