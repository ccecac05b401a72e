// The course index and the links of every page: each built lesson is listed
// with a loaded thumbnail, its links lead to the lesson, and every href or
// src in every generated page is relative and names a file that exists.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { launchBrowser, readLessonJson, recordRequests, seriousAxeViolations, siteDir, siteUrl } from './support/site.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

function builtLessons() {
  return fs.readdirSync(siteDir(), { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(siteDir(), d.name, 'lesson.json')))
      .map((d) => d.name);
}

async function open(relative, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const requests = await recordRequests(context);
  const page = await context.newPage();
  await page.goto(siteUrl(relative));
  return { context, page, requests };
}

test('the index lists every built lesson, default lesson first, with loaded thumbnails', async () => {
  const { context, page, requests } = await open('index.html');
  const hrefs = await page.$$eval('.lesson-card h2 a', (links) => links.map((a) => a.getAttribute('href')));
  assert.deepEqual([...hrefs].sort(), builtLessons().map((id) => `${id}/index.html`).sort());
  assert.equal(hrefs[0], 'conv-relu-pool/index.html', 'order: 1 puts the default lesson first');
  for (const id of builtLessons()) {
    const title = readLessonJson(id).title;
    assert.equal(await page.textContent(`.lesson-card h2 a[href="${id}/index.html"]`), title);
  }
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  const thumbs = await page.$$eval('.lesson-card img', (imgs) => imgs.map((i) => ({ src: i.getAttribute('src'), w: i.naturalWidth })));
  assert.equal(thumbs.length, hrefs.length);
  for (const t of thumbs) {
    assert.match(t.src, /^[a-z0-9-]+\/frames\/[a-z0-9-]+\/\d{3}-summary\.svg$/);
    assert.ok(t.w > 0, `${t.src} loaded`);
  }
  assert.deepEqual(await seriousAxeViolations(page), []);
  assert.deepEqual(requests.offline(), []);
  await context.close();
});

test('a lesson whose title and labels are one long word does not widen the index', async () => {
  for (const width of [1280, 360]) {
    const { context, page } = await open('index.html', { width, height: 740 });
    assert.ok(await page.isVisible('.lesson-card h2 a[href="long-words/index.html"]'));
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
    assert.ok(widths.doc <= widths.view, `the index is ${widths.doc}px wide in a ${widths.view}px window`);
    await context.close();
  }
});

test('a lesson card leads to its page and the page leads back', async () => {
  const { context, page } = await open('index.html');
  await page.click('text=' + readLessonJson('conv-relu-pool').title);
  assert.ok(page.url().endsWith('/conv-relu-pool/index.html'), page.url());
  assert.equal(await page.textContent('h1'), readLessonJson('conv-relu-pool').title);
  await page.click('text=All lessons');
  assert.ok(page.url().endsWith('/index.html') && !page.url().includes('conv-relu-pool'), page.url());
  await context.close();
});

test('the whole card is a target on a phone-width screen', async () => {
  const { context, page } = await open('index.html', { width: 390, height: 844 });
  const card = await page.locator('.lesson-card').first().boundingBox();
  await page.mouse.click(card.x + card.width / 2, card.y + 20);  // on the thumbnail
  await page.waitForURL(/\/conv-relu-pool\/index\.html$/, { timeout: 5000 });
  await context.close();
});

test('every link and source in every page is relative and exists', async () => {
  const pages = ['index.html', ...builtLessons().map((id) => `${id}/index.html`)];
  const { context, page } = await open('index.html');
  for (const relative of pages) {
    await page.goto(siteUrl(relative));
    const refs = await page.$$eval('a[href], img[src], link[href], script[src]', (els) => els.map((el) => ({
      raw: el.getAttribute('href') ?? el.getAttribute('src'),
      abs: el.href || el.src,
    })));
    for (const { raw, abs } of refs) {
      if (raw.startsWith('#')) {
        assert.ok(await page.$(`[id="${raw.slice(1)}"]`), `${relative}: anchor ${raw} exists`);
        continue;
      }
      if (raw === '' || /^[a-z]+:/i.test(raw)) continue;  // links from lesson prose (emptied or external) are not ours
      assert.ok(!raw.startsWith('/'), `${relative}: ${raw} is relative`);
      const file = fileURLToPath(abs.split('#')[0]);
      assert.ok(file.startsWith(siteDir()), `${relative}: ${raw} stays inside the site`);
      assert.ok(fs.existsSync(file), `${relative}: ${raw} exists`);
    }
  }
  await context.close();
});
