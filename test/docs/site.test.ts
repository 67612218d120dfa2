/**
 * The docs site (scripts/docs.ts) built from spec/openapi.yaml, served by a plain static server on
 * 127.0.0.1 and opened in headless Chromium, where every request to any other host is recorded
 * and refused: every operation and the main schemas render, each operation shows its TypeScript
 * SDK sample and its curl sample (added at build time; the TypeScript is type-checked in
 * test/package/readme.test.ts), every sidebar link opens in a new tab, the page sends nothing to
 * another host and logs no errors. Saves a full-page screenshot to test-results/docs.png.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

import { CODE_SAMPLE_LABEL, CURL_SAMPLE_LABEL } from '../../generator/emit/code-sample-labels.ts';
import { codeSamples } from '../../generator/emit/code-samples.ts';
import { GeneratorError } from '../../generator/errors.ts';
import { buildDocs, DocsBuildError } from '../../scripts/docs.ts';
import { loadModel } from '../../scripts/lib/code-samples.ts';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';

const SPEC = fileURLToPath(new URL('../../spec/openapi.yaml', import.meta.url));
const SCREENSHOT = fileURLToPath(new URL('../../test-results/docs.png', import.meta.url));

interface ExpectedOperation {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  deprecated: boolean;
}

/** The 19 operations of the Gigs Core API spec. */
const OPERATIONS: ExpectedOperation[] = [
  operation('listPlans', 'GET /projects/{project}/plans', 'List all plans'),
  operation('searchPlans', 'POST /projects/{project}/plans/search', 'Search for plans'),
  operation('retrievePlan', 'GET /projects/{project}/plans/{plan}', 'Retrieve a plan'),
  operation('updatePlan', 'PATCH /projects/{project}/plans/{plan}', 'Update a plan'),
  operation('archivePlan', 'POST /projects/{project}/plans/{plan}/archive', 'Archive a plan'),
  operation('publishPlan', 'POST /projects/{project}/plans/{plan}/publish', 'Publish a plan'),
  operation(
    'listPlanDocumentsOfPlan',
    'GET /projects/{project}/plans/{plan}/documents',
    'List all documents of a plan',
    { deprecated: true },
  ),
  operation(
    'retrievePlanDocumentOfPlan',
    'GET /projects/{project}/plans/{plan}/documents/{document}',
    'Retrieve a document of a plan',
    { deprecated: true },
  ),
  operation(
    'listPlanDocuments',
    'GET /projects/{project}/planDocuments',
    'List all plan documents',
  ),
  operation(
    'retrievePlanDocument',
    'GET /projects/{project}/planDocuments/{planDocument}',
    'Retrieve a plan document',
  ),
  operation(
    'listSubscriptionChanges',
    'GET /projects/{project}/subscriptionChanges',
    'List all subscription changes',
  ),
  operation(
    'createSubscriptionChange',
    'POST /projects/{project}/subscriptionChanges',
    'Create a subscription change',
  ),
  operation(
    'retrieveSubscriptionChange',
    'GET /projects/{project}/subscriptionChanges/{id}',
    'Retrieve a subscription change',
  ),
  operation(
    'deleteSubscriptionChange',
    'DELETE /projects/{project}/subscriptionChanges/{id}',
    'Delete a subscription change',
  ),
  operation('listAddons', 'GET /projects/{project}/addons', 'List all add-ons'),
  operation('retrieveAddon', 'GET /projects/{project}/addons/{addon}', 'Retrieve an add-on'),
  operation('updateAddon', 'PATCH /projects/{project}/addons/{addon}', 'Update an add-on'),
  operation('archiveAddon', 'POST /projects/{project}/addons/{addon}/archive', 'Archive an add-on'),
  operation('publishAddon', 'POST /projects/{project}/addons/{addon}/publish', 'Publish an add-on'),
];

const SCHEMAS = [
  'Plan',
  'PlanList',
  'PlanDocument',
  'PlanDocumentList',
  'Addon',
  'AddonList',
  'SubscriptionChange',
  'SubscriptionChangeList',
  'Error',
];

const RENDER_TIMEOUT_MS = 15_000;

describe('docs site (scripts/docs.ts)', () => {
  let outRoot: string;
  let htmlFile: string;
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Links to every operation and schema, e.g. "#/plans/listplans" (collectSectionLinks). */
  let sectionLinks: string[];
  const consoleErrors: string[] = [];
  const outsideRequests: string[] = [];
  /** The SDK sample of each operation, by `METHOD path`, as the generator writes it. */
  let samples: Map<string, string>;
  /** The curl sample of each operation, by `METHOD path`. */
  let curlSamples: Map<string, string>;

  beforeAll(async () => {
    const all = codeSamples(await loadModel(SPEC));
    const byLabel = (label: string) =>
      new Map(
        all.map((entry) => [
          `${entry.method.toUpperCase()} ${entry.path}`,
          entry.samples.find((sample) => sample.label === label)!.source,
        ]),
      );
    samples = byLabel(CODE_SAMPLE_LABEL);
    curlSamples = byLabel(CURL_SAMPLE_LABEL);
    outRoot = await mkdtemp(join(tmpdir(), 'gigs-docs-test-'));
    ({ htmlFile } = await buildDocs({ spec: SPEC, outDir: join(outRoot, 'site') }));
    server = await startStaticServer(dirname(htmlFile));
    browser = await launchBrowser();

    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Every request of every page and worker of the context: only the static server may answer.
    context.on('request', (request) => {
      if (!isLocal(request.url())) outsideRequests.push(request.url());
    });
    await context.route(
      (url) => !isLocal(url.href),
      (route: Route) => route.abort('internetdisconnected'),
    );
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));

    await page.goto(server.url, { waitUntil: 'load' });
    sectionLinks = await collectSectionLinks();
  });

  /** The static server's own URLs, and what never leaves the page (data:, blob:, about:). */
  function isLocal(url: string): boolean {
    return /^(?:data|blob|about):/.test(url) || new URL(url).origin === new URL(server.url).origin;
  }

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outRoot) await rm(outRoot, { recursive: true, force: true });
  });

  it('builds one self-contained index.html titled after info.title', async () => {
    const spec = parseYaml(await readFile(SPEC, 'utf8')) as { info: { title: string } };
    const html = await readFile(htmlFile, 'utf8');

    expect(html).toContain(`<title>${spec.info.title} – API reference</title>`);
    // Redoc's script is inlined: no external scripts, stylesheets or module preloads.
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*rel="(?:stylesheet|modulepreload|preload)"/i);
    expect(html).not.toContain('fonts.googleapis.com');
    expect(html).toContain('hydrate(__redoc_definition');
    expect(await page.title()).toBe(`${spec.info.title} – API reference`);
  });

  it.each(OPERATIONS)(
    'renders $operationId ($method $path) with its summary',
    async ({ operationId, method, path, summary, deprecated }) => {
      const section = await openSection(operationId.toLowerCase());
      const heading = section.locator('h2').first();

      expect(await ownText(heading)).toBe(summary);
      const badges = await heading.locator('[data-component-name="Tag/Tag"]').allInnerTexts();
      expect(badges.map((badge) => badge.toLowerCase())).toEqual(deprecated ? ['deprecated'] : []);
      const text = await section.innerText();
      expect(text).toContain(path);
      expect(text).toMatch(new RegExp(`\\b${method}\\b`));
    },
  );

  it.each(OPERATIONS)(
    'shows the TypeScript SDK sample of $operationId first in its request panel',
    async ({ operationId, method, path }) => {
      const sample = samples.get(`${method} ${path}`);
      expect(sample, `a code sample for ${method} ${path}`).toBeDefined();
      const section = await openSection(operationId.toLowerCase());
      const code = section.locator('pre', { hasText: 'const client = new ' }).first();
      await code.waitFor({ state: 'visible', timeout: RENDER_TIMEOUT_MS });

      expect(await section.getByText(CODE_SAMPLE_LABEL, { exact: true }).first().isVisible()).toBe(
        true,
      );
      // Redoc highlights the code after it first renders it: wait for the text to settle.
      await expect
        .poll(async () => normalise((await code.textContent()) ?? ''), {
          timeout: RENDER_TIMEOUT_MS,
        })
        .toBe(normalise(sample!));
    },
  );

  it.each(OPERATIONS)(
    'shows the curl sample of $operationId beside it',
    async ({ operationId, method, path }) => {
      const sample = curlSamples.get(`${method} ${path}`);
      expect(sample, `a curl sample for ${method} ${path}`).toBeDefined();
      const section = await openSection(operationId.toLowerCase());
      await chooseSample(section, CURL_SAMPLE_LABEL);
      try {
        const code = section.locator('pre', { hasText: 'curl --request ' }).first();
        await code.waitFor({ state: 'visible', timeout: RENDER_TIMEOUT_MS });
        await expect
          .poll(async () => normalise((await code.textContent()) ?? ''), {
            timeout: RENDER_TIMEOUT_MS,
          })
          .toBe(normalise(sample!));
      } finally {
        // Redoc remembers the language for every panel: back to the SDK for the other tests.
        await chooseSample(section, CODE_SAMPLE_LABEL);
      }
    },
  );

  it('takes the samples from the SDK at build time: spec/ has none of its own', async () => {
    const files = (await readdir(dirname(SPEC), { recursive: true })).filter((file) =>
      /\.ya?ml$/.test(file),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of files)
      expect(await readFile(join(dirname(SPEC), file), 'utf8')).not.toMatch(/x-code-?samples/i);
  });

  it.each(SCHEMAS)('lists the %s schema in the Schemas section', async (schema) => {
    const section = await openSection(schema.toLowerCase(), '#/schemas/');

    expect(await ownText(section.locator('h2').first())).toBe(schema);
  });

  it('saves a full-page screenshot of the overview', async () => {
    await page.goto(server.url, { waitUntil: 'load' });
    await page.locator('#redoc h1').first().waitFor({ timeout: RENDER_TIMEOUT_MS });
    // Redoc paints sections only when they enter the viewport: make the viewport as tall as the
    // page so the screenshot shows all of it.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1400, height: Math.min(height, 20_000) });
    await page.locator('#redoc [id="schemas"] h2').waitFor({ state: 'visible' });
    await mkdir(dirname(SCREENSHOT), { recursive: true });
    const png = await page.screenshot({ path: SCREENSHOT, fullPage: true });

    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.byteLength).toBeGreaterThan(20_000);
  });

  it('shows the SDK package, its version and its changelog (from generated/)', async () => {
    const generated = join(dirname(SPEC), '../generated');
    const pkg = JSON.parse(await readFile(join(generated, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    const latest = /^## (.+)$/m.exec(await readFile(join(generated, 'CHANGELOG.md'), 'utf8'))?.[1];
    await page.goto(server.url, { waitUntil: 'load' });
    const redoc = page.locator('#redoc');
    await redoc
      .getByText(`npm install ${pkg.name}@${pkg.version}`)
      .first()
      .waitFor({ state: 'visible', timeout: RENDER_TIMEOUT_MS });
    // Redoc makes the description's headings sections with deep links, listed in the sidebar.
    expect(await redoc.locator('a[href="#/section/changelog"]').count()).toBeGreaterThan(0);
    expect(latest).toBeDefined();
    expect(await redoc.getByText(latest!, { exact: true }).first().isVisible()).toBe(true);
  });

  it('makes every sidebar link a hash link that opens in a new tab from a plain static server, at its section', async () => {
    await page.goto(server.url, { waitUntil: 'load' });
    const menu = page.locator('#redoc [data-component-name="Menu/MenuItem"] > a');
    await menu.first().waitFor({ state: 'attached', timeout: RENDER_TIMEOUT_MS });
    const hrefs = (
      await menu.evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    ).filter((href): href is string => href !== null && !/^[a-z]+:/i.test(href));
    // The sidebar lists the description's sections, every tag and the schemas.
    expect(hrefs).toEqual(expect.arrayContaining(['#/plans', '#/add-ons', '#/schemas']));
    expect(hrefs.filter((href) => !href.startsWith('#/'))).toEqual([]);

    // Every link is a hash link, so a static server only ever sees the page itself; load a few of
    // each kind in new tabs (a description section, a tag, the schemas, an operation, a schema).
    const samples = [
      hrefs.find((href) => href.startsWith('#/section/')),
      '#/plans',
      '#/schemas',
      sectionLinks.find((href) => href.startsWith('#/plans/')),
      sectionLinks.find((href) => href.startsWith('#/schemas/')),
    ];
    expect(samples.every((href) => href !== undefined)).toBe(true);
    for (const href of samples as string[]) {
      const tab = await context.newPage();
      try {
        // What "open in new tab" does: load the link's absolute URL in a fresh page.
        const response = await tab.goto(new URL(href, server.url).href, { waitUntil: 'load' });
        expect(response?.status(), href).toBe(200);
        const id = href.slice(2);
        if (id !== '') {
          await tab
            .locator(`[id="${id}"], [data-section-id="/${id}"]`)
            .first()
            .waitFor({ state: 'attached', timeout: RENDER_TIMEOUT_MS });
        }
        expect(new URL(tab.url()).hash, href).toBe(href);
      } finally {
        await tab.close();
      }
    }
  });

  it('forbids the page any other host in its Content-Security-Policy', async () => {
    const html = await readFile(htmlFile, 'utf8');
    const policy = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(
      html,
    )?.[1];
    expect(policy).toBeDefined();
    expect(policy).toContain("default-src 'none'");
    // Sources are the page itself and inline data only: no host is named.
    expect(policy?.match(/https?:|\*/g) ?? []).toEqual([]);
    expect(html).not.toContain('cdn.redoc.ly');
  });

  it('sends no request to any host but 127.0.0.1 (with the attribution shown) and logs no console errors', async () => {
    await page.goto(server.url, { waitUntil: 'load' });
    const attribution = page.locator('#redoc img[alt="redocly logo"]');
    await attribution.waitFor({ state: 'visible', timeout: RENDER_TIMEOUT_MS });
    expect(
      await attribution.evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).toBeGreaterThan(0);
    expect(outsideRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  /** Picks a sample in the request panel's language menu (whichever is shown now). */
  async function chooseSample(section: ReturnType<Page['locator']>, label: string) {
    const menu = section
      .getByRole('button', { name: new RegExp(`^(?:${CODE_SAMPLE_LABEL}|${CURL_SAMPLE_LABEL})$`) })
      .first();
    await menu.waitFor({ state: 'visible', timeout: RENDER_TIMEOUT_MS });
    await menu.click();
    // The open menu may hang below the viewport, where a mouse click cannot reach (flaked under
    // load): a DOM click selects the item as a user's does.
    await page
      .getByRole('menuitem', { name: label, exact: true })
      .filter({ visible: true })
      .first()
      .evaluate((item: HTMLElement) => item.click());
  }

  /**
   * The links to every operation and schema, e.g. "#/plans/listplans", "#/schemas/plan".
   * Redoc renders a tag's section only when it is navigated to, and its overview lists the
   * first 8 items with a "Show N more..." button for the rest; so this opens each tag listed
   * in the sidebar, shows all of its items, and collects their links.
   */
  async function collectSectionLinks(): Promise<string[]> {
    const menuLinks = page.locator('#redoc [data-component-name="Menu/MenuItem"] > a[href^="#/"]');
    await menuLinks.first().waitFor({ state: 'attached', timeout: RENDER_TIMEOUT_MS });
    const tagSlugs = (
      await menuLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    )
      .map((href) => /^#\/([^/]+)$/.exec(href ?? '')?.[1])
      .filter((slug) => slug !== undefined);
    expect(tagSlugs, 'tags in the sidebar').toContain('schemas');

    const links = new Set<string>();
    for (const slug of tagSlugs) {
      const section = await navigateTo(`#/${slug}`);
      const showMore = section.locator('[data-testid="show-more-operations"]');
      for (let clicks = 0; (await showMore.count()) > 0; clicks++) {
        expect(clicks, `"Show N more..." clicks in #/${slug}`).toBeLessThan(20);
        await showMore.first().click();
      }
      const hrefs = await section
        .locator(`a[href^="#/${slug}/"]`)
        .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
      for (const href of hrefs) if (/^#\/[^/#]+\/[^/#]+$/.test(href)) links.add(href);
    }
    return [...links];
  }

  /** Sets the page's hash to `href` ("#/<id>") and returns the element with that id once rendered. */
  async function navigateTo(href: string) {
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, href);
    const section = page.locator(`[id="${href.slice(2)}"]`);
    await section.waitFor({ state: 'attached', timeout: RENDER_TIMEOUT_MS });
    return section;
  }

  /**
   * Navigates to the operation or schema whose link ends in `/<slug>` and returns its section.
   * Redoc 3 section ids are `<tag slug>/<operationId in lower case>` and
   * `schemas/<schema name in lower case>`.
   */
  async function openSection(slug: string, prefix = '#/') {
    const matches = sectionLinks.filter(
      (href) => href.startsWith(prefix) && href.slice(prefix.length).split('/').at(-1) === slug,
    );
    expect(matches, `one link to …/${slug} among ${sectionLinks.join(', ')}`).toHaveLength(1);
    return navigateTo(matches[0]!);
  }
});

function operation(
  operationId: string,
  route: `${string} /${string}`,
  summary: string,
  { deprecated = false } = {},
): ExpectedOperation {
  const [method = '', path = ''] = route.split(' ');
  return { operationId, method, path, summary, deprecated };
}

describe('buildDocs failures', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gigs-docs-fail-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const minimalSpec = (schemaRef: string) => `openapi: 3.1.0
info: { title: Failing API, version: '1' }
paths:
  /things:
    get:
      operationId: listThings
      summary: List all things
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: { $ref: '${schemaRef}' }
components:
  schemas:
    Thing: { type: object }
`;

  it('keeps the previous site when the spec has an unresolved $ref, and names the file', async () => {
    const outDir = join(dir, 'site');
    const good = join(dir, 'good.yaml');
    const broken = join(dir, 'broken.yaml');
    await writeFile(good, minimalSpec('#/components/schemas/Thing'));
    await writeFile(broken, minimalSpec('#/components/schemas/Missing'));
    const { htmlFile } = await buildDocs({ spec: good, outDir });
    const before = await readFile(htmlFile, 'utf8');

    const failure = await buildDocs({ spec: broken, outDir }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(GeneratorError);
    expect((failure as Error).message).toContain('broken.yaml');
    expect((failure as Error).message).toContain('cannot resolve $ref');
    expect((failure as Error).message).toContain('#/components/schemas/Missing');
    expect((failure as Error).message).toContain('fix: ');
    expect(await readFile(htmlFile, 'utf8')).toBe(before);
    expect((await readdir(dir)).filter((name) => !name.startsWith('bad-sdk')).sort()).toEqual([
      'broken.yaml',
      'good.yaml',
      'site',
    ]);
  });

  it('shows the SDK section only for the spec of the package it comes from', async () => {
    const pkg = JSON.parse(
      await readFile(join(dirname(SPEC), '../generated/package.json'), 'utf8'),
    ) as {
      name: string;
    };
    const spec = join(dir, 'another-api.yaml');
    await writeFile(spec, minimalSpec('#/components/schemas/Thing'));
    const { htmlFile } = await buildDocs({ spec, outDir: join(dir, 'site-another') });
    const html = await readFile(htmlFile, 'utf8');
    expect(html).not.toContain(`npm install ${pkg.name}@`);
    expect(html).not.toContain('Changelog');
  });

  it('fails, naming the file and the fix, when the SDK generator cannot read the spec for the code samples', async () => {
    const spec = join(dir, 'bad-sdk.yaml');
    await writeFile(spec, `${minimalSpec('#/components/schemas/Thing')}x-sdk: 5\n`);

    const failure = await buildDocs({ spec, outDir: join(dir, 'site-sdk') }).catch(
      (error: unknown) => error,
    );

    // The generator's own error, in the words of `npm run generate`: not wrapped in another.
    expect(failure).toBeInstanceOf(GeneratorError);
    expect((failure as Error).message).toMatch(
      /bad-sdk\.yaml(:\d+:\d+)? #\/x-sdk: .*`x-sdk` must be an object/,
    );
    expect((failure as Error).message).not.toMatch(/SDK generator cannot read|error:/);
    expect((failure as Error).message).toContain('fix: ');
    expect(
      (await readdir(dir)).filter(
        (name) => name.startsWith('site-sdk') || name.startsWith('.site-sdk'),
      ),
    ).toEqual([]);
  });

  it('places a $ref loop, where Redocly says only "Self-referencing circular pointer"', async () => {
    const spec = join(dir, 'loop.yaml');
    await writeFile(
      spec,
      minimalSpec('#/components/schemas/A').replace(
        '    Thing: { type: object }',
        "    A: { $ref: '#/components/schemas/B' }\n    B: { $ref: '#/components/schemas/A' }",
      ),
    );
    const failure = await buildDocs({ spec, outDir: join(dir, 'site-loop') }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(GeneratorError);
    expect((failure as Error).message).toMatch(
      /loop\.yaml:\d+:\d+ #\/components\/schemas\/A: circular \$ref: #\/components\/schemas\/A → #\/components\/schemas\/B → #\/components\/schemas\/A/,
    );
    expect((failure as Error).message).toContain('fix: ');
  });

  it(
    'refuses a $ref outside the spec folder before anything reads it',
    { timeout: 60_000 },
    async () => {
      // A FIFO blocks whoever opens it until a writer comes: a build that read it would hang.
      const inner = join(dir, 'inner');
      await mkdir(inner, { recursive: true });
      const fifo = join(dir, 'outside.yaml');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      const spec = join(inner, 'openapi.yaml');
      await writeFile(spec, minimalSpec('../outside.yaml#/Thing'));
      const failure = await buildDocs({ spec, outDir: join(dir, 'site-outside') }).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(GeneratorError);
      expect((failure as Error).message).toMatch(/outside\.yaml/);
      expect((failure as Error).message).toMatch(/outside the spec's folder/);
      // The fix does not say to copy a pipe into the spec.
      expect((failure as Error).message).toMatch(/is a pipe, not a regular file/);
    },
  );

  it('reports a missing spec file with the fix', async () => {
    await expect(
      buildDocs({ spec: join(dir, 'nope.yaml'), outDir: join(dir, 'site-2') }),
    ).rejects.toMatchObject({
      name: 'GeneratorError',
      message: expect.stringMatching(
        /nope\.yaml: spec file not found\n {2}fix: pass the path of an OpenAPI/,
      ) as unknown,
    });
  });

  it('refuses to replace a folder that is not a previous docs build', async () => {
    const notDocs = join(dir, 'src');
    await mkdir(notDocs);
    await writeFile(join(notDocs, 'keep.txt'), 'precious');
    await writeFile(join(dir, 'ok.yaml'), minimalSpec('#/components/schemas/Thing'));

    await expect(buildDocs({ spec: join(dir, 'ok.yaml'), outDir: notDocs })).rejects.toThrow(
      /refusing to replace .*src: it is not a previous docs build/,
    );
    await expect(buildDocs({ spec: join(dir, 'ok.yaml'), outDir: notDocs })).rejects.toBeInstanceOf(
      DocsBuildError,
    );
    expect(await readdir(notDocs)).toEqual(['keep.txt']);
  });

  it('refuses a previous build that holds other files too, and keeps every one of them', async () => {
    const site = join(dir, 'site-with-blog');
    await writeFile(join(dir, 'ok.yaml'), minimalSpec('#/components/schemas/Thing'));
    const { htmlFile } = await buildDocs({ spec: join(dir, 'ok.yaml'), outDir: site });
    const page = await readFile(htmlFile, 'utf8');
    expect(page).toContain('<meta name="generator" content="gigs-sdk-toolchain: npm run docs"');
    await mkdir(join(site, 'blog'));
    await writeFile(join(site, 'blog/post.html'), 'a post');
    await writeFile(join(site, 'CNAME'), 'docs.example.com');

    await expect(buildDocs({ spec: join(dir, 'ok.yaml'), outDir: site })).rejects.toThrow(
      /refusing to replace .*site-with-blog: it holds files a docs build does not write \(CNAME, blog\)/,
    );
    await expect(buildDocs({ spec: join(dir, 'ok.yaml'), outDir: site })).rejects.toMatchObject({
      fix: 'pass an empty or new folder with --out, or move those files elsewhere',
    });
    expect((await readdir(site)).sort()).toEqual(['CNAME', 'blog', 'index.html']);
    expect(await readFile(join(site, 'blog/post.html'), 'utf8')).toBe('a post');
    expect(await readFile(htmlFile, 'utf8')).toBe(page);
  });

  it('refuses a folder whose index.html another tool wrote', async () => {
    const site = join(dir, 'site-foreign');
    await mkdir(site);
    await writeFile(join(site, 'index.html'), '<!doctype html><title>My home page</title>');
    await writeFile(join(dir, 'ok.yaml'), minimalSpec('#/components/schemas/Thing'));

    await expect(buildDocs({ spec: join(dir, 'ok.yaml'), outDir: site })).rejects.toThrow(
      /refusing to replace .*site-foreign: its index.html was not written by npm run docs/,
    );
    expect(await readFile(join(site, 'index.html'), 'utf8')).toContain('My home page');
  });
});

/** Code as the page shows it: the same lines, without trailing spaces or a final newline. */
function normalise(code: string): string {
  return code
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** The text directly inside an element, without its children (badges, link icons). */
function ownText(locator: ReturnType<Page['locator']>): Promise<string> {
  return locator.evaluate((element) =>
    [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent ?? '')
      .join('')
      .trim(),
  );
}
