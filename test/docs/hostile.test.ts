/**
 * The docs site of a hostile spec (issue 11, item 15), in headless Chromium: HTML in descriptions
 * (an `<iframe srcdoc>` with a script, `<img onerror>`, `<svg onload>`, `<script>`, Markdown and
 * HTML `javascript:` links, an image on another host) and `javascript:` URLs in the contact and
 * external-docs fields. Opening the page and every operation and schema section must fire no
 * dialog, run no script from the spec, make no request to another host and leave no
 * `javascript:` link in the page.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocs } from '../../scripts/docs.ts';
import { sanitizeForDocs, sanitizeMarkdown } from '../../scripts/lib/docs-sanitize.ts';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';

const REDOC_ATTRIBUTION_LOGO = /^https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg$/;

const HTML = [
  `<iframe srcdoc="<script>parent.alert('iframe')</script>"></iframe>`,
  `<img src="x" onerror="alert('img'); window.__pwned = 'img'">`,
  `<svg onload="alert('svg')"></svg>`,
  `<script>alert('script'); window.__pwned = 'script'</script>`,
  `<a href="javascript:alert('a')">html link</a>`,
  `[markdown link](javascript:alert('md'))`,
  `<img src="https://evil.example/track.png">`,
  `<details open ontoggle="alert('toggle')"><summary>x</summary></details>`,
  // helper-121 V1: indented 4 spaces, code to marked, HTML to Redoc.
  `Indented:\n\n    <iframe srcdoc="<script>parent.alert('indented')</script>"></iframe>`,
  `* an item\n\n      <iframe srcdoc="<script>parent.alert('indented item')</script>"></iframe>`,
  // helper-119 H2: the same HTML shown as code first was escaped there, and left live after it.
  'Write `<iframe srcdoc="<script>parent.alert(\'dup\')</script>"></iframe>` to embed: <iframe srcdoc="<script>parent.alert(\'dup\')</script>"></iframe>',
].join('\n\n');

const SPEC = {
  openapi: '3.1.0',
  info: {
    title: 'Hostile docs',
    version: '1.0.0',
    // helper-119 H1, H3: OpenAPI 3.1's summary is Markdown to Redoc too; the logo loaded from
    // another host, and its colour went into a CSS rule.
    summary: HTML,
    'x-logo': {
      url: 'https://evil.example/logo.png',
      backgroundColor: 'red;background-image:url(https://evil.example/track.png)',
      href: "javascript:alert('logo')",
    },
    description: HTML,
    contact: { name: 'contact', url: "javascript:alert('contact')" },
    license: { name: 'MIT', url: "java\tscript:alert('license')" },
  },
  externalDocs: { url: "javascript:alert('external')", description: HTML },
  tags: [{ name: 'things', description: HTML }],
  paths: {
    '/things': {
      get: {
        operationId: 'listThings',
        summary: 'List things',
        description: HTML,
        tags: ['things'],
        responses: {
          '200': {
            description: HTML,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        description: HTML,
        properties: { name: { type: 'string', description: HTML } },
      },
    },
  },
};

describe('sanitizeMarkdown', () => {
  it.each([
    ['plain **Markdown** with `<code>` and [a link](https://x.example)', 'unchanged'],
    ['| a | b |\n| - | - |\n| 1 | 2 |', 'unchanged'],
    ['a <img src=x onerror=alert(1)> b', 'a &lt;img src=x onerror=alert(1)&gt; b'],
    ['<iframe srcdoc="x"></iframe>\n\ntext', '&lt;iframe srcdoc="x"&gt;&lt;/iframe&gt;\n\ntext'],
    ['[click](javascript:alert(1)) and [ok](/docs)', 'click and [ok](/docs)'],
    ['![tracker](https://evil.example/t.png)', '[tracker](https://evil.example/t.png)'],
    ['- item <b>x</b>', '- item &lt;b&gt;x&lt;/b&gt;'],
    // helper-119 H2: each change at its own token, not at the first copy of its text.
    [
      '`<img src=x onerror=a()>` then <img src=x onerror=a()>',
      '`<img src=x onerror=a()>` then &lt;img src=x onerror=a()&gt;',
    ],
    ['`[x](javascript:a())` or [x](javascript:a())', '`[x](javascript:a())` or x'],
    [
      '`![t](https://e.example/t.png)` ![t](https://e.example/t.png)',
      '`![t](https://e.example/t.png)` [t](https://e.example/t.png)',
    ],
    ['| `<x>` | <x> |\n| - | - |', '| `<x>` | &lt;x&gt; |\n| - | - |'],
    ['a\r\n<b>', 'a\n&lt;b&gt;'],
    // helper-121 V1, V2: Redoc has no indented code blocks; a protocol-relative image is on another host.
    [
      'Intro\n\n    <iframe srcdoc="x"></iframe>\n',
      'Intro\n\n    &lt;iframe srcdoc="x">&lt;/iframe>\n',
    ],
    ['a < b, `<c>` and\n\n```\n<d>\n```\n', 'a &lt; b, `<c>` and\n\n```\n<d>\n```\n'],
    ['![t](//e.example/t.png)', '[t](//e.example/t.png)'],
    // Not verbatim in the source (a block quote's lines lose their `>`): every tag escaped, every image a link.
    [
      '> `<i>` <i>\n> ![t](https://e.example/t.png)',
      '> `&lt;i>` &lt;i>\n> \\![t](https://e.example/t.png)',
    ],
  ])('%j', (text, want) => {
    expect(sanitizeMarkdown(text)).toBe(want === 'unchanged' ? text : want);
  });
});

describe('sanitizeForDocs: info.x-logo (helper-119 H3)', () => {
  const logoOf = (logo: unknown) => {
    const document = { info: { title: 't', version: '1', 'x-logo': logo } };
    sanitizeForDocs(document);
    return document.info['x-logo'];
  };
  it.each([
    ['an image on another host', { url: 'https://evil.example/l.png' }],
    ['a protocol-relative image', { url: '//evil.example/l.png' }],
    ['a data: image', { url: 'data:image/svg+xml,<svg/>' }],
    ['no url', { backgroundColor: 'red' }],
    ['not an object', 'logo.png'],
  ])('%s: no logo', (_name, logo) => {
    expect(logoOf(logo)).toBeUndefined();
  });
  it('a relative image stays; a colour with CSS after it and a javascript: link go', () => {
    expect(
      logoOf({
        url: 'logo.png',
        backgroundColor: 'red;background-image:url(https://evil.example/t)',
        href: 'javascript:alert(1)',
        altText: 'Logo',
      }),
    ).toEqual({ url: 'logo.png', altText: 'Logo' });
    expect(logoOf({ url: 'img/logo.svg', backgroundColor: '#fafafa', href: '/home' })).toEqual({
      url: 'img/logo.svg',
      backgroundColor: '#fafafa',
      href: '/home',
    });
  });
});

describe('docs of a hostile spec', () => {
  let dir: string;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const outside: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hostile-docs-'));
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(SPEC));
    const { htmlFile } = await buildDocs({
      spec: join(dir, 'openapi.json'),
      outDir: join(dir, 'site'),
    });
    server = await startStaticServer(dirname(htmlFile));
    browser = await launchBrowser();
    const context = await browser.newContext();
    await context.route(
      (url) => url.origin !== new URL(server.url).origin,
      async (route) => {
        const url = route.request().url();
        // Redoc's own attribution logo (test/docs/site.test.ts answers it the same way) is not the spec's.
        if (REDOC_ATTRIBUTION_LOGO.test(url))
          await route.fulfill({ contentType: 'image/svg+xml', body: '<svg/>' });
        else {
          outside.push(url);
          await route.abort('internetdisconnected');
        }
      },
    );
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const hash of ['', '#tag/things/operation/listthings', '#/schemas/thing']) {
      await page.goto(`${server.url}${hash}`, { waitUntil: 'load' });
      await page.locator('#redoc h1, #redoc h2').first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(500);
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('fires no dialog and runs no script from the spec', async () => {
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
  });

  it('makes no request to another host', () => {
    expect(outside).toEqual([]);
  });

  it('leaves no iframe, event handler or javascript: link from the spec in the page', async () => {
    const found = await page.evaluate(() => {
      const root = document.querySelector('#redoc')!;
      const handlers = [...root.querySelectorAll('*')].flatMap((element) =>
        [...element.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name),
      );
      const links = [...root.querySelectorAll('a[href]')]
        .map((a) => a.getAttribute('href') ?? '')
        .filter((href) => /^\s*java\s*script:/i.test(href.replace(/[\u0000-\u0020]/g, ''))); // eslint-disable-line no-control-regex -- as browsers strip them
      return {
        iframes: root.querySelectorAll('iframe').length,
        // A script element made from the spec's HTML (the spec's text is also in Redoc's JSON
        // state script, as data).
        scripts: [...document.querySelectorAll('script')]
          .map((script) => (script.textContent ?? '').trim())
          .filter((text) => text.startsWith('alert(')).length,
        handlers,
        links,
      };
    });
    expect(found).toEqual({ iframes: 0, scripts: 0, handlers: [], links: [] });
    // The text around the HTML is still shown.
    expect(await page.locator('#redoc').innerText()).toContain('markdown link');
  });
});
