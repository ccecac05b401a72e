// The study tools around the player: the "Reproduce it" programs and their
// copy buttons, the current frame's download links, the page that lists
// every frame of a variant, and the switcher's words.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { launchBrowser, readLessonJson, siteDir, siteUrl } from './support/site.mjs';

let browser;

before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function open(relative, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(siteUrl(relative));
  return { context, page, errors };
}

describe('reproduce it', () => {
  test('each variant has a PyTorch and a NumPy program, and Copy puts the program on the clipboard', async () => {
    const { context, page, errors } = await open('conv-relu-pool/index.html');
    const lesson = readLessonJson('conv-relu-pool');
    for (const variant of lesson.variants) {
      for (const kind of ['torch', 'numpy']) {
        const code = await page.textContent(`#reproduce-${variant.slug}-${kind}-code`);
        assert.match(code, kind === 'torch' ? /^import torch\n/ : /^import numpy as np\n/);
      }
    }
    const button = page.locator('button[data-copy="reproduce-vertical-edge-numpy-code"]');
    assert.equal(await button.isVisible(), true);
    await button.click();
    await page.waitForFunction(() => document.getElementById('copy-status').textContent.length > 0);
    assert.equal(await page.textContent('#copy-status'), 'Copied to the clipboard.');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('without JavaScript the programs are there and the copy buttons are not', async () => {
    const { context, page } = await open('conv-relu-pool/index.html', { javaScriptEnabled: false });
    assert.equal(await page.isVisible('#reproduce-vertical-edge-torch-code'), true);
    assert.equal(await page.locator('button[data-copy]').first().isVisible(), false);
    await context.close();
  });
});

describe('downloads', () => {
  test('the player links the shown frame\'s SVG and PNG, and they follow the step', async () => {
    const { context, page } = await open('conv-relu-pool/index.html');
    const beats = readLessonJson('conv-relu-pool').variants[0].beats;
    assert.equal(await page.getAttribute('#player-download-svg', 'href'), beats[0].svg);
    assert.equal(await page.getAttribute('#player-download-png', 'href'), beats[0].png);
    for (let i = 0; i < 4; i++) await page.click('#player-next');
    assert.equal(await page.getAttribute('#player-download-svg', 'href'), beats[4].svg);
    assert.equal(await page.getAttribute('#player-download-png', 'href'), beats[4].png);
    for (const href of [beats[4].svg, beats[4].png]) assert.ok(fs.existsSync(path.join(siteDir(), 'conv-relu-pool', href)), href);
    await context.close();
  });

  test('the Downloads section offers every frame of each variant on a page that links them all', async () => {
    const { context, page } = await open('conv-relu-pool/index.html');
    const lesson = readLessonJson('conv-relu-pool');
    const links = await page.$$eval('#downloads a', (as) => as.map((a) => a.getAttribute('href')));
    for (const variant of lesson.variants) {
      assert.ok(links.includes(`frames/${variant.slug}/index.html`), `${variant.slug} listing in ${links}`);
      assert.ok(links.includes(variant.animation.gif) && links.includes(variant.animation.svg));
    }
    for (const file of ['handout.pdf', 'lesson.json']) assert.ok(links.includes(file), file);
    await page.goto(siteUrl('conv-relu-pool/frames/vertical-edge/index.html'));
    const listed = await page.$$eval('.frame-files a', (as) => as.map((a) => a.getAttribute('href')));
    const beats = lesson.variants[0].beats;
    for (const beat of beats) {
      for (const file of [beat.svg, beat.png, beat.tall_svg, beat.tall_png]) {
        assert.ok(listed.includes(file.replace('frames/vertical-edge/', '')), file);
      }
    }
    assert.equal(await page.locator('.frame-files > li').count(), beats.length);
    await context.close();
  });
});

describe('switcher', () => {
  test('its label names what differs and each button says its own value', async () => {
    const { context, page } = await open('leaky-relu/index.html');
    assert.equal(await page.textContent('#filter-switch-label'), 'Activation');
    assert.equal(await page.textContent('#player button[data-variant="0"] .variant-difference'), 'Leaky ReLU, slope 0.25');
    assert.equal(await page.textContent('#player button[data-variant="1"] .variant-difference'), 'ReLU');
    await page.goto(siteUrl('conv-relu-pool/index.html'));
    assert.equal(await page.textContent('#filter-switch-label'), 'Variant');
    assert.equal((await page.textContent('#player button[data-variant="1"]')).replace(/\s+/g, ' '),
                 'Horizontal edge Horizontal edge filter · its own 6×6 image');
    await context.close();
  });
});
