// Shared helpers for the embedded-player tests: building lessons with the
// real binary, the recipes of docs/embedding.md, a static file server for
// built sites, and the checks every page with embedded players must pass.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SOURCE_DIR = path.resolve(here, '..', '..', '..');

// The binary under test (set by CTest).
export function convlessonBin() {
  const bin = process.env.CONVLESSON_BIN;
  if (!bin || !fs.existsSync(bin)) throw new Error('CONVLESSON_BIN is not set or missing: run these tests through ctest (label browser)');
  return bin;
}

// A fresh, empty folder for one test file's work, inside the build tree.
export function workDir(name) {
  const base = process.env.CONVLESSON_WORK_DIR;
  if (!base) throw new Error('CONVLESSON_WORK_DIR is not set: run these tests through ctest (label browser)');
  const dir = path.join(base, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

// Runs a shell script in `cwd` with the binary under test first on PATH.
export function runScript(script, cwd) {
  const env = { ...process.env, PATH: `${path.dirname(convlessonBin())}:${process.env.PATH}` };
  try {
    execFileSync('bash', ['-euo', 'pipefail', '-c', script], { cwd, env, stdio: 'pipe', timeout: 240000 });
  } catch (e) {
    throw new Error(`in ${cwd}:\n${script}\nfailed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

// The recipes of docs/embedding.md: every fenced block after a comment
// `<!-- recipe NAME file PATH -->` is a file of recipe NAME, and after
// `<!-- recipe NAME run -->` its commands; recipe BASE-VARIANT is recipe
// BASE with its own files put over BASE's. The tests build exactly these, so
// the page cannot drift from what is tested.
export function readRecipes() {
  const text = fs.readFileSync(path.join(SOURCE_DIR, 'docs', 'embedding.md'), 'utf8');
  const recipes = {};
  const pattern = /<!-- recipe ([\w-]+) (?:file (\S+)|run) -->\n```[\w-]*\n([\s\S]*?)\n```\n/g;
  for (const [, name, file, body] of text.matchAll(pattern)) {
    const base = recipes[name.split('-')[0]];
    const recipe = recipes[name] ??= base && name.includes('-') ? { files: { ...base.files }, run: base.run } : { files: {}, run: '' };
    if (file) recipe.files[file] = `${body}\n`;
    else recipe.run += `${body}\n`;
  }
  return recipes;
}

// Serves `root` on 127.0.0.1 at a free port; resolves to { url, close }.
export function serve(root) {
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
                  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };
  const server = http.createServer((request, response) => {
    let file = path.join(root, decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (!file.startsWith(root)) file = root;
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

// Records the requests of a context that fail or leave `allowed` (a URL
// prefix, or file: when null); those leaving are aborted.
export async function recordProblems(context, allowed) {
  const problems = [];
  const local = (url) => url.startsWith('data:') || (allowed ? url.startsWith(allowed) : url.startsWith('file:'));
  await context.route((url) => !local(url.href), (route) => {
    problems.push(`outside: ${route.request().url()}`);
    route.abort();
  });
  context.on('requestfailed', (request) => {
    if (local(request.url())) problems.push(`failed: ${request.url()}`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  return problems;
}

// What player `index` of the page shows.
export async function shownBy(page, index) {
  return page.evaluate((i) => {
    const root = document.querySelectorAll('.convlesson-embed')[i];
    const part = (name) => root.querySelector(`[data-player-part="${name}"]`);
    return {
      step: part('step').textContent,
      caption: part('caption').textContent,
      src: part('frame').getAttribute('src'),
      scrubber: part('scrubber').value,
      pressed: [...root.querySelectorAll('[data-variant]')].map((b) => b.getAttribute('aria-pressed')),
    };
  }, index);
}

// The beats player `index` carries (its JSON block).
export async function beatsOf(page, index, variant = 0) {
  return page.evaluate(([i, v]) => {
    const root = document.querySelectorAll('.convlesson-embed')[i];
    return JSON.parse(root.querySelector('script[data-player-data]').textContent).variants[v].beats;
  }, [index, variant]);
}

export async function expectBeat(page, index, beat, variant = 0) {
  const beats = await beatsOf(page, index, variant);
  const shown = await shownBy(page, index);
  assert.equal(shown.caption, beats[beat].caption, `player ${index + 1}'s caption`);
  assert.equal(shown.src, beats[beat].src, `player ${index + 1}'s frame`);
  assert.match(shown.step, new RegExp(`^Step ${beat + 1} of ${beats.length} · `), `player ${index + 1}'s step`);
  assert.equal(shown.scrubber, String(beat + 1));
}

// Ids that occur more than once on the page.
export async function repeatedIds(page) {
  return page.evaluate(() => {
    const seen = new Map();
    for (const element of document.querySelectorAll('[id]')) seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id} x${n}`);
  });
}

// The checks every page with two embedded players passes: both players
// shown (the lists gone), one <link> and one <script>, every frame loaded,
// unique ids, and each player stepping on its own by buttons and keys.
export async function checkTwoPlayers(page) {
  assert.equal(await page.locator('.convlesson-embed').count(), 2, 'two embedded players');
  const player = (i) => page.locator('.convlesson-embed').nth(i);
  for (const i of [0, 1]) {
    assert.equal(await player(i).locator('[data-player]').isVisible(), true, `player ${i + 1} shown`);
    assert.equal(await player(i).locator('[data-player-fallback]').isVisible(), false, `list ${i + 1} hidden`);
    await page.waitForFunction((n) => {
      const img = document.querySelectorAll('.convlesson-embed')[n].querySelector('[data-player-part="frame"]');
      return img.complete && img.naturalWidth > 0;
    }, i);
  }
  assert.equal(await page.locator('link[data-convlesson-asset]').count(), 1, 'the stylesheet is linked once');
  assert.equal(await page.locator('script[data-convlesson-asset]').count(), 1, 'the script is included once');
  assert.deepEqual(await repeatedIds(page), []);
  await expectBeat(page, 0, 0);
  await expectBeat(page, 1, 0);

  // Buttons: the first player moves, the second stays.
  await player(0).locator('[data-player-part="next"]').click();
  await player(0).locator('[data-player-part="next"]').click();
  await expectBeat(page, 0, 2);
  await expectBeat(page, 1, 0);
  // Keys act on the player that has focus only.
  await player(1).locator('[data-player-part="next"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expectBeat(page, 1, 3);
  await expectBeat(page, 0, 2);
  await page.keyboard.press('Home');
  await expectBeat(page, 1, 0);
  // Clicking the frame gives its player focus, so the keys go there.
  await player(0).locator('[data-player-part="frame"]').click();
  await page.keyboard.press('ArrowLeft');
  await expectBeat(page, 0, 1);
  await expectBeat(page, 1, 0);
  // With focus on the page itself, no player moves.
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('ArrowRight');
  await expectBeat(page, 0, 1);
  await expectBeat(page, 1, 0);
}
