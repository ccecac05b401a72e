// Shared helpers for the browser tests: where the fixture's site is, how to
// launch Debian's Chromium, and a recorder that fails a test on any request
// that is not a local file. Nothing here skips: a missing browser, package
// or site is an error with a message that says how to fix it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CHROMIUM = process.env.CONVLESSON_CHROMIUM || '/usr/bin/chromium';

// The folder `convlesson build` wrote (set by CTest's fixture).
export function siteDir() {
  const dir = process.env.CONVLESSON_SITE_DIR;
  if (!dir) throw new Error('CONVLESSON_SITE_DIR is not set: run these tests through ctest (label browser)');
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: the fixture build (browser.build-site) did not run or failed`);
  }
  return dir;
}

export function siteUrl(relative) {
  return pathToFileURL(path.join(siteDir(), relative)).href;
}

export function readLessonJson(id) {
  return JSON.parse(fs.readFileSync(path.join(siteDir(), id, 'lesson.json'), 'utf8'));
}

async function importOrExplain(name) {
  try {
    return await import(name);
  } catch (e) {
    throw new Error(`cannot load the npm package ${name} (${e.message}); run \`npm ci\` in tests/browser ` +
                    '(scripts/test.sh does this when node_modules is missing)');
  }
}

// Launches headless Chromium the way the project allows: Debian's binary,
// no sandbox (root in CI), no network side channels. Playwright gives every
// launch a fresh temporary profile (user-data-dir) and removes it on close.
export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (scripts/test.sh does) or set CONVLESSON_CHROMIUM`);
  }
  const { chromium } = await importOrExplain('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Records every request of a context and aborts any that would leave the
// machine, so a page that reaches for a CDN both fails the check and never
// waits on a network that CI does not have.
export async function recordRequests(context) {
  const urls = [];
  context.on('request', (request) => urls.push(request.url()));
  await context.route(/^(?!file:|data:)/, (route) => route.abort());
  return {
    urls,
    offline() { return urls.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')); },
  };
}

export function axeSourcePath() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const file = path.join(here, '..', 'node_modules', 'axe-core', 'axe.min.js');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm ci\` in tests/browser`);
  return file;
}

// axe-core's serious and critical violations on the current page, as
// readable lines ("color-contrast: Elements must meet ... (3 nodes: ...)").
// axe is evaluated through the DevTools protocol rather than added as a
// <script>: the pages' Content-Security-Policy refuses inline scripts, and
// the test must not weaken it (no bypassCSP).
export async function seriousAxeViolations(page) {
  await page.evaluate(fs.readFileSync(axeSourcePath(), 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                                           nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes.slice(0, 3).join(', ')})`);
}

// Collects the Content-Security-Policy violations every page of a context
// reports (the securitypolicyviolation event, installed before any page
// script runs), as "directive blocked-uri" lines read with violations(page).
export async function recordCspViolations(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
  return { violations: (page) => page.evaluate(() => window.__cspViolations) };
}
