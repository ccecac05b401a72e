// The Explore section in headless Chromium: picking a cell of any map
// outlines exactly the input cells it reads (through padding, stride,
// dilation and pooling) and the cells it feeds, shows its arithmetic and
// says it in a live region; with the mouse, the keyboard alone, and on a
// phone. The expected cells are worked out by hand below.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { launchBrowser, readLessonJson, seriousAxeViolations, siteUrl } from './support/site.mjs';

let browser;

before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function open(id, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(siteUrl(`${id}/index.html`));
  return { context, page, errors };
}

// The marked cells of one map of the shown variant, as "row,col" strings in
// the coordinates its headers show (image coordinates for the padded input).
async function marked(page, map, cls = 'is-linked') {
  return page.evaluate(({ map, cls }) => {
    const block = [...document.querySelectorAll('[data-explore-variant-block]')].find((b) => !b.hidden);
    const table = block.querySelector(`table[data-map="${map}"]`);
    const columns = [...table.querySelectorAll('thead th')].map((th) => th.textContent.replace('\u2212', '-'));
    const out = [];
    for (const tr of table.querySelectorAll('tbody tr')) {
      const row = tr.querySelector('th').textContent.replace('\u2212', '-');
      [...tr.querySelectorAll('td[data-cell]')].forEach((td, c) => {
        if (td.classList.contains(cls)) out.push(`${row},${columns[c]}`);
      });
    }
    return out.sort();
  }, { map, cls });
}

function cellsOf(rows, cols) {
  return rows.flatMap((r) => cols.map((c) => `${r},${c}`)).sort();
}

function cell(page, map, row, col) {
  return page.locator(`[data-explore-variant-block]:not([hidden]) table[data-map="${map}"] tbody tr`).nth(row)
      .locator('td[data-cell]').nth(col);
}

async function announced(page) {
  return (await page.textContent('#explore-readout')).replace(/\s+/g, ' ').trim();
}

describe('Explore', () => {
  test('the default lesson\'s pooled cell (0, 1) reads input rows 0 to 3 and columns 2 to 5, and says so', async () => {
    const { context, page, errors } = await open('conv-relu-pool');
    assert.equal(await page.isVisible('#explore'), true);
    assert.equal(await page.isVisible('.toc a[href="#explore"]'), true);
    await cell(page, 'pooled', 0, 1).click();
    assert.deepEqual(await marked(page, 'input'), cellsOf([0, 1, 2, 3], [2, 3, 4, 5]));
    // Through the pooling window: feature-map and activated cells (0..1, 2..3).
    assert.deepEqual(await marked(page, 'conv'), cellsOf([0, 1], [2, 3]));
    assert.deepEqual(await marked(page, 'activated'), cellsOf([0, 1], [2, 3]));
    assert.deepEqual(await marked(page, 'pooled', 'is-selected'), ['0,1']);
    assert.equal(await cell(page, 'pooled', 0, 1).getAttribute('aria-selected'), 'true');
    const lesson = readLessonJson('conv-relu-pool');
    const caption = lesson.variants[0].beats.filter((b) => b.stage === 'pool')[1].caption;
    assert.equal(await page.textContent('#explore-arithmetic'), caption);
    assert.equal(await page.getAttribute('#explore-readout', 'role'), 'status');
    assert.equal(await announced(page),
                 `After max pooling · cell (0, 1) ${caption} Reads 16 cells of the input: rows 0 to 3, columns 2 to 5.`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('channels: a conv cell reads the same 3x3 cells in every channel, and a pixel says each channel\'s value', async () => {
    const { context, page, errors } = await open('rgb-several-filters');
    await cell(page, 'conv', 0, 0).click();
    assert.deepEqual(await marked(page, 'input'), cellsOf([0, 1, 2], [0, 1, 2]));
    // The caption adds the three partial sums: R 840 + G (−1310) + B (−1870) + bias (−600).
    const lesson = readLessonJson('rgb-several-filters');
    const caption = lesson.variants[0].beats.filter((b) => b.stage === 'conv')[0].caption;
    assert.match(caption, /R 840 \+ G \(−1310\) \+ B \(−1870\) \+ bias \(−600\) = −2940$/);
    assert.equal(await page.textContent('#explore-arithmetic'), caption);
    // Pixel (0, 0) of the house picture: sky, R 90, G 160, B 230.
    await cell(page, 'input', 0, 0).click();
    assert.match(await announced(page), /Pixel \(0, 0\) = R 90, G 160 and B 230 /);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an input cell outlines every cell it feeds', async () => {
    const { context, page } = await open('conv-relu-pool');
    await cell(page, 'input', 0, 0).click();
    // Pixel (0, 0) is read only by the window at (0, 0), which pooled cell (0, 0) takes in.
    assert.deepEqual(await marked(page, 'conv'), ['0,0']);
    assert.deepEqual(await marked(page, 'activated'), ['0,0']);
    assert.deepEqual(await marked(page, 'pooled'), ['0,0']);
    assert.deepEqual(await marked(page, 'input'), []);
    await cell(page, 'input', 2, 3).click();
    // Pixel (2, 3): windows at rows 0..2 and columns 1..3; pooled cells (0..1, 0..1).
    assert.deepEqual(await marked(page, 'conv'), cellsOf([0, 1, 2], [1, 2, 3]));
    assert.deepEqual(await marked(page, 'pooled'), cellsOf([0, 1], [0, 1]));
    assert.match(await announced(page), /^Input image · cell \(2, 3\) Pixel \(2, 3\) = 9 Feeds 9 feature-map cells, 9 activated cells and 4 pooled cells\.$/);
    await context.close();
  });

  test('padding, stride and dilation: the exact cells, padding included', async () => {
    const { context, page } = await open('dilated-stride');
    // Conv (r, c) reads padded rows 2r, 2r+2, 2r+4 (image rows 2r-1, 2r+1, 2r+3), columns likewise.
    await cell(page, 'conv', 0, 0).click();
    assert.deepEqual(await marked(page, 'input'), cellsOf([-1, 1, 3], [-1, 1, 3]));
    assert.match(await announced(page), /Reads 9 cells of the input: rows −1, 1 and 3, columns −1, 1 and 3, 5 of them padding\./);
    // Pooled (0, 1): a 2x2 window with stride 1 over conv rows 0..1 and columns 1..2,
    // so image rows -1, 1, 3, 5 and columns 1, 3, 5, 7; row -1 and column 7 are padding.
    await cell(page, 'pooled', 0, 1).click();
    assert.deepEqual(await marked(page, 'input'), cellsOf([-1, 1, 3, 5], [1, 3, 5, 7]));
    assert.deepEqual(await marked(page, 'conv'), cellsOf([0, 1], [1, 2]));
    const padded = await page.evaluate(() => [...document.querySelectorAll('table[data-map="input"] td.is-linked.pad')].length);
    assert.equal(padded, 7);
    assert.match(await announced(page), /Reads 16 cells of the input: rows −1, 1, 3 and 5, columns 1, 3, 5 and 7, 7 of them padding\./);
    // And back: image pixel (3, 3) is padded (4, 4), which every window reads
    // (2r + {0, 2, 4} = 4 for r = 2, 1 and 0; the same for columns).
    await cell(page, 'input', 4, 4).click();
    assert.deepEqual(await marked(page, 'conv'), cellsOf([0, 1, 2], [0, 1, 2]));
    await context.close();
  });

  test('keyboard only: Tab to a grid, arrows move and select, focus stays visible', async () => {
    const { context, page } = await open('conv-relu-pool');
    await page.focus('#explore button[data-explore-variant="1"]');  // the last stop before the grids
    let id = '';
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      id = await page.evaluate(() => document.activeElement.closest('table[data-map]')?.getAttribute('data-map') ?? '');
      if (id === 'pooled') break;
    }
    assert.equal(id, 'pooled', 'Tab reaches the pooled map');
    // Focus on a cell selects it: the first cell.
    assert.deepEqual(await marked(page, 'pooled', 'is-selected'), ['0,0']);
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await marked(page, 'pooled', 'is-selected'), ['0,1']);
    assert.deepEqual(await marked(page, 'input'), cellsOf([0, 1, 2, 3], [2, 3, 4, 5]));
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    });
    assert.ok(outline, 'the focused cell shows focus');
    await page.keyboard.press('ArrowDown');
    assert.deepEqual(await marked(page, 'pooled', 'is-selected'), ['1,1']);
    await page.keyboard.press('Home');
    assert.deepEqual(await marked(page, 'pooled', 'is-selected'), ['1,0']);
    await page.keyboard.press('ArrowDown');  // the edge: stays
    assert.deepEqual(await marked(page, 'pooled', 'is-selected'), ['1,0']);
    // The player did not take the arrows.
    assert.equal(await page.inputValue('#player-scrubber'), '1');
    // Shift+Tab leaves the grid for the previous one, whose one stop is its first cell.
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.closest('table').getAttribute('data-map')), 'activated');
    await context.close();
  });

  test('the player\'s switch and the Explore switch show the same variant', async () => {
    const { context, page } = await open('conv-relu-pool');
    await page.click('#player button[data-variant="1"]');
    assert.equal(await page.isVisible('[data-explore-variant-block="1"]'), true);
    assert.equal(await page.isVisible('[data-explore-variant-block="0"]'), false);
    await cell(page, 'pooled', 1, 0).click();  // the transpose of vertical's (0, 1)
    assert.deepEqual(await marked(page, 'input'), cellsOf([2, 3, 4, 5], [0, 1, 2, 3]));
    await page.click('#explore button[data-explore-variant="0"]');
    assert.equal(await page.getAttribute('#player button[data-variant="0"]', 'aria-pressed'), 'true');
    assert.equal(await page.isVisible('[data-explore-variant-block="0"]'), true);
    await context.close();
  });

  test('a tap on a phone selects, and the grids scroll in their own box', async () => {
    const { context, page } = await open('conv-relu-pool', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await cell(page, 'pooled', 0, 1).tap();
    assert.deepEqual(await marked(page, 'input'), cellsOf([0, 1, 2, 3], [2, 3, 4, 5]));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the page is ${width}px wide`);
    await context.close();
  });

  test('hovering previews a cell\'s links and leaving shows the pick again', async () => {
    const { context, page } = await open('conv-relu-pool');
    await cell(page, 'pooled', 0, 1).click();
    await cell(page, 'conv', 3, 0).hover();
    assert.deepEqual(await marked(page, 'input'), cellsOf([3, 4, 5], [0, 1, 2]));
    await page.mouse.move(5, 5);
    assert.deepEqual(await marked(page, 'input'), cellsOf([0, 1, 2, 3], [2, 3, 4, 5]));
    await context.close();
  });

  test('without JavaScript the section and its link stay hidden', async () => {
    const { context, page } = await open('conv-relu-pool', { javaScriptEnabled: false });
    assert.equal(await page.isVisible('#explore'), false);
    assert.equal(await page.isVisible('.toc a[href="#explore"]'), false);
    await context.close();
  });

  test('axe finds nothing serious with a cell picked, in the light and the dark scheme', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const { context, page } = await open('dilated-stride', { colorScheme });
      await cell(page, 'pooled', 0, 1).click();
      assert.deepEqual(await seriousAxeViolations(page), [], colorScheme);
      await context.close();
    }
  });
});
