/**
 * scripts/lib/docs-page.ts on small pages: what it rewrites in Redocly's page and what it leaves
 * alone. The whole page in a browser is test/docs/site.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DOCS_CONTENT_SECURITY_POLICY,
  DocsPageError,
  finishPage,
  hashLinks,
} from '../../scripts/lib/docs-page.ts';

const page = (markup: string, script = '') =>
  `<html><head><link href="/favicon.ico"></head><body><div id="redoc">${markup}</div>\n<script type="module">${script}</script></body></html>`;

describe('finishing the page of redocly build-docs', () => {
  it.each([
    ['a route', '<a href="/plans">', '<a href="#/plans">'],
    ['the root', '<a class="x" href="/">', '<a class="x" href="#/">'],
    ['a nested route', '<a href="/plans/listplans">', '<a href="#/plans/listplans">'],
    ['a protocol-relative link (left)', '<a href="//example.com/x">', '<a href="//example.com/x">'],
    [
      'an absolute link (left)',
      '<a href="https://redocly.com/">',
      '<a href="https://redocly.com/">',
    ],
    ['a hash link (left)', '<a href="#/plans">', '<a href="#/plans">'],
    ['a data attribute (left)', '<div data-section-id="/plans">', '<div data-section-id="/plans">'],
  ])('rewrites the server-rendered links to hash links: %s', (_name, before, after) => {
    expect(hashLinks(page(before))).toBe(page(after));
  });

  it("leaves links outside Redoc's markup alone (head, the bundle)", () => {
    const html = page('<a href="/a">', 'x="<a href=\\"/b\\">"');
    expect(hashLinks(html)).toBe(html.replace('href="/a"', 'href="#/a"'));
  });

  it('replaces the CDN attribution logos with an inline image', () => {
    const html = finishPage(
      page(
        '',
        'src:e?`https://cdn.redoc.ly/redoc/logo-mini-full.svg`:`https://cdn.redoc.ly/redoc/logo-mini.svg`',
      ),
    );
    expect(html).not.toContain('cdn.redoc.ly');
    expect(html.match(/`data:image\/svg\+xml,[^`]+`/g)).toHaveLength(2);
  });

  it('fails with the fix when the page is not laid out as it knows', () => {
    expect(() => hashLinks('<html><body><main></main></body></html>')).toThrow(DocsPageError);
    expect(() => hashLinks('<div id="redoc"></div><script>')).toThrow(
      /Fix: the Redocly CLI changed its page; update scripts\/lib\/docs-page\.ts/,
    );
  });
});

describe('the Content-Security-Policy of the docs pages', () => {
  it('is the same in the template of npm run docs and on the page of npm run dev', () => {
    const template = readFileSync(
      new URL('../../scripts/docs-template.html', import.meta.url),
      'utf8',
    );
    const policy = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(
      template,
    );
    expect(policy?.[1]).toBe(DOCS_CONTENT_SECURITY_POLICY);
  });
});
