// The recipes of docs/embedding.md, built for real: a small MkDocs
// (Material and the default theme), Sphinx, Hugo and plain HTML site, each with a page embedding
// two lessons. The files and commands come from docs/embedding.md itself
// (support/embed.mjs readRecipes), so the page shows what is tested. Each
// site is served over HTTP at its root (the recipes build with
// --base-url /lessons/) and opened in headless Chromium: both players step on
// their own by buttons and keys, the page's ids are unique, nothing fails to
// load or reaches outside, and axe finds nothing serious in the players.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { checkTwoPlayers, readRecipes, recordProblems, runScript, serve, SOURCE_DIR, workDir } from './support/embed.mjs';
import { axeSourcePath, launchBrowser } from './support/site.mjs';

const LESSONS = ['conv-relu-pool', 'padding-and-stride'];
// Where each generator puts its site and the page the recipe writes.
const SITES = {
  mkdocs: { root: 'site', page: '/index.html' },
  'mkdocs-default': { root: 'site', page: '/index.html' },
  sphinx: { root: '_build/html', page: '/index.html' },
  hugo: { root: 'public', page: '/walkthrough/' },
  plain: { root: 'site', page: '/index.html' },
};

let browser;
const recipes = readRecipes();

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// axe's serious and critical violations inside the embedded players (a
// theme's own markup is not this project's to judge), plus the page-wide
// rules about ids and landmarks the players could break.
async function playerAxeViolations(page) {
  await page.evaluate(fs.readFileSync(axeSourcePath(), 'utf8'));
  const violations = await page.evaluate(async () => {
    const inPlayers = await window.axe.run({ include: [['.convlesson-embed']] }, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    const pageWide = await window.axe.run(document, {
      runOnly: { type: 'rule', values: ['duplicate-id', 'duplicate-id-aria', 'duplicate-id-active', 'landmark-unique',
                                        'aria-valid-attr-value', 'label'] },
      resultTypes: ['violations'],
    });
    return [...inPlayers.violations, ...pageWide.violations]
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
  return violations;
}

test('docs/embedding.md has a recipe for each site', () => {
  assert.deepEqual(Object.keys(recipes).sort(), Object.keys(SITES).sort());
  for (const [name, recipe] of Object.entries(recipes)) {
    assert.ok(Object.keys(recipe.files).length > 0, `${name} has files`);
    assert.match(recipe.run, /convlesson build lessons .*--base-url \/lessons\//, `${name} builds the lessons`);
  }
});

describe('the recipes of docs/embedding.md', () => {
  for (const [name, site] of Object.entries(SITES)) {
    test(`${name}: a page embedding two lessons`, async () => {
      const recipe = recipes[name];
      const dir = workDir(`site-${name}`);
      fs.mkdirSync(path.join(dir, 'lessons'));
      for (const id of LESSONS) fs.copyFileSync(path.join(SOURCE_DIR, 'lessons', `${id}.yaml`), path.join(dir, 'lessons', `${id}.yaml`));
      for (const [file, text] of Object.entries(recipe.files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
      }
      runScript(recipe.run, dir);

      const server = await serve(path.join(dir, site.root));
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const problems = await recordProblems(context, server.url);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        await page.goto(server.url + site.page);
        await checkTwoPlayers(page);
        assert.deepEqual(await playerAxeViolations(page), []);
        assert.deepEqual(errors, []);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
        await server.close();
      }
    });
  }
});
