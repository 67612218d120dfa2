/**
 * The list of JavaScript globals no package export may take (generator/model/js-globals.ts) is
 * exactly the global names of the installed TypeScript's ES and DOM libraries.
 */
import { describe, expect, it } from 'vitest';
import { JS_GLOBALS } from '../../generator/model/js-globals.ts';
import { libGlobalNames } from './lib-globals.ts';

describe('JS_GLOBALS', () => {
  it("is every global of TypeScript's ES and DOM libraries, and nothing else", () => {
    const fromLibs = new Set(libGlobalNames());
    expect({
      missing: [...fromLibs].filter((name) => !JS_GLOBALS.has(name)),
      stale: [...JS_GLOBALS].filter((name) => !fromLibs.has(name)),
    }).toEqual({ missing: [], stale: [] });
  });

  it('holds the names the issue lists, from ES and from the DOM', () => {
    for (const name of ['Error', 'Date', 'Object', 'Promise', 'Response', 'Request', 'Headers'])
      expect(JS_GLOBALS.has(name)).toBe(true);
    for (const name of ['Map', 'Set', 'Symbol', 'Array', 'Function', 'Event', 'File', 'Node'])
      expect(JS_GLOBALS.has(name)).toBe(true);
    for (const name of ['Partial', 'Record', 'isNaN', 'isFinite', 'Intl'])
      expect(JS_GLOBALS.has(name)).toBe(true);
  });
});
