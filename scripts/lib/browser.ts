/** Headless Chromium, for the browser tests and `npm run bench -- dev`: one launcher, one set of flags. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, installed by `npm run browser:install` (scripts/ensure-chromium.sh). */
const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for a headless run that never talks to the network on its own
 * (no component updates, sync, QUIC probing or first-run pages).
 */
const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches headless Chromium from CHROMIUM_PATH; close it with `browser.close()`. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}; the browser tests need it.\n` +
        "Fix: run `npm run browser:install` (installs Debian's chromium package with apt-get).",
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}
