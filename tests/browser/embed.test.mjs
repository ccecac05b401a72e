// embed.html, the embeddable player, on a page of its own opened from disk:
// one lesson embedded twice beside a host stylesheet that resets images,
// buttons and box sizing. Each copy steps on its own, the page's ids stay
// unique, the host's elements look the same with and without the players,
// axe finds nothing serious, and without JavaScript the frame lists show.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { checkTwoPlayers, expectBeat, recordProblems, runScript, SOURCE_DIR, shownBy, workDir } from './support/embed.mjs';
import { launchBrowser, seriousAxeViolations } from './support/site.mjs';

const LESSON = 'conv-relu-pool';
// A theme's resets at their bluntest, and host elements to compare.
const HOST_STYLE = `
* { box-sizing: content-box; }
img { width: 100%; border: 4px solid red; }
button, select, input { all: unset; }
p, li, ol, figure, label, span { margin: 3rem; padding: 2rem; font-size: 30px; line-height: 3; }
ol { list-style: upper-roman; }
div { display: inline; }
`;
const HOST_BEFORE = '<p class="host">Host text before.</p><button type="button" class="host">Host button</button>';
const HOST_AFTER = '<ol class="host"><li>Host item</li></ol><img class="host" alt="Host picture" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">';

let browser;
let dir;

function hostPage(title, body) {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n` +
         `<style>${HOST_STYLE}</style>\n</head>\n<body>\n<main>\n<h1>${title}</h1>\n${body}\n</main>\n</body>\n</html>\n`;
}

before(async () => {
  dir = workDir('embed-twice');
  fs.mkdirSync(path.join(dir, 'lessons'));
  fs.copyFileSync(path.join(SOURCE_DIR, 'lessons', `${LESSON}.yaml`), path.join(dir, 'lessons', `${LESSON}.yaml`));
  // A lesson whose wide frames are portrait: the player fits them to the height.
  fs.copyFileSync(path.join(SOURCE_DIR, 'lessons', 'real-picture.yaml'), path.join(dir, 'lessons', 'real-picture.yaml'));
  fs.cpSync(path.join(SOURCE_DIR, 'lessons', 'images'), path.join(dir, 'lessons', 'images'), { recursive: true });
  runScript('convlesson build lessons -o out --only svg,embed --quiet', dir);
  const fragment = fs.readFileSync(path.join(dir, 'out', LESSON, 'embed.html'), 'utf8');
  const folder = path.join(dir, 'out', LESSON);
  fs.writeFileSync(path.join(folder, 'twice.html'),
                   hostPage('Twice', `${HOST_BEFORE}\n${fragment}<h2>Again</h2>\n${fragment}${HOST_AFTER}`));
  fs.writeFileSync(path.join(folder, 'host.html'), hostPage('Twice', `${HOST_BEFORE}\n<h2>Again</h2>\n${HOST_AFTER}`));
  fs.writeFileSync(path.join(dir, 'out', 'real-picture', 'alone.html'),
                   hostPage('Portrait', fs.readFileSync(path.join(dir, 'out', 'real-picture', 'embed.html'), 'utf8')));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function open(name, options = {}) {
  const context = await browser.newContext({ viewport: options.viewport || { width: 1280, height: 900 } });
  const problems = await recordProblems(context, null);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(path.join(dir, 'out', options.lesson || LESSON, name)).href);
  return { context, page, problems, errors };
}

// Computed styles of the host's own elements.
async function hostStyles(page) {
  return page.evaluate(() => [...document.querySelectorAll('.host, .host li, h1, h2, main, body')].map((e) => {
    const s = getComputedStyle(e);
    return `${e.tagName}.${e.className}: ${s.boxSizing} ${s.margin} ${s.padding} ${s.fontSize} ${s.fontFamily} ` +
           `${s.color} ${s.backgroundColor} ${s.lineHeight} ${s.display} ${s.listStyleType}`;
  }));
}

describe('one lesson embedded twice', () => {
  test('each copy steps on its own; one stylesheet, one script, unique ids', async () => {
    const { context, page, problems, errors } = await open('twice.html');
    await checkTwoPlayers(page);
    // The variant switch of one copy leaves the other's alone.
    await page.locator('.convlesson-embed').nth(1).locator('[data-variant="1"]').click();
    assert.deepEqual((await shownBy(page, 1)).pressed, ['false', 'true']);
    assert.deepEqual((await shownBy(page, 0)).pressed, ['true', 'false']);
    await expectBeat(page, 1, 0, 1);
    await expectBeat(page, 0, 1, 0);
    // Playing one copy leaves the other on its beat.
    await page.locator('.convlesson-embed').nth(0).locator('[data-player-part="play"]').click();
    await page.waitForTimeout(2600);
    await page.locator('.convlesson-embed').nth(0).locator('[data-player-part="play"]').click();
    await expectBeat(page, 1, 0, 1);
    assert.notEqual((await shownBy(page, 0)).scrubber, '2');
    assert.deepEqual(errors, []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('names, live captions and axe', async () => {
    const { context, page } = await open('twice.html');
    const names = await page.evaluate(() => [...document.querySelectorAll('.convlesson-embed')].map((root) => ({
      group: `${root.getAttribute('role')}: ${root.getAttribute('aria-label')}`,
      live: root.querySelector('[data-player-part="caption"]').getAttribute('aria-live'),
      scrubber: root.querySelector('[data-player-part="scrubber"]').labels.length,
      speed: root.querySelector('[data-player-part="speed"]').labels.length,
    })));
    assert.deepEqual(names, Array(2).fill({ group: 'group: Convolve, ReLU, pool', live: 'polite', scrubber: 1, speed: 1 }));
    assert.deepEqual(await seriousAxeViolations(page), []);
    await context.close();
  });

  test('host resets do not break the player, and the player does not restyle the host', async () => {
    const { context, page } = await open('twice.html');
    const look = await page.evaluate(() => {
      const root = document.querySelector('.convlesson-embed');
      const next = root.querySelector('[data-player-part="next"]');
      const frame = root.querySelector('[data-player-part="frame"]');
      const box = root.querySelector('[data-player-part="stage"]');
      const controls = root.querySelector('.cl-controls');
      return {
        nextHeight: next.getBoundingClientRect().height,
        nextDisplay: getComputedStyle(next).display,
        nextBorder: getComputedStyle(next).borderTopWidth,
        nextCursor: getComputedStyle(next).cursor,
        sizing: getComputedStyle(box).boxSizing,
        frameBorder: getComputedStyle(frame).borderTopWidth,
        frameInBox: frame.getBoundingClientRect().width <= box.getBoundingClientRect().width,
        frameAspect: Math.abs(frame.getBoundingClientRect().width / frame.getBoundingClientRect().height - 1195 / 592) < 0.02,
        controlsDisplay: getComputedStyle(controls).display,
        captionSize: getComputedStyle(root.querySelector('[data-player-part="caption"]')).fontSize,
      };
    });
    assert.deepEqual(look, {
      nextHeight: 44, nextDisplay: 'block', nextBorder: '1px', nextCursor: 'pointer', sizing: 'border-box',
      frameBorder: '0px', frameInBox: true, frameAspect: true, controlsDisplay: 'flex', captionSize: '19.2px',
    });
    // Keyboard focus is drawn on the player's controls despite the reset.
    await page.locator('.convlesson-embed').nth(0).locator('[data-player-part="next"]').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.equal(outline, 'solid');
    const withPlayers = await hostStyles(page);
    const { context: bare, page: hostOnly } = await open('host.html');
    assert.deepEqual(withPlayers, await hostStyles(hostOnly));
    await bare.close();
    await context.close();
  });

  test('without the script every frame is listed with its caption', async () => {
    // The player's script kept from loading: the page as a reader without
    // JavaScript gets it (and axe can still run through DevTools).
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route(/player\.js$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(dir, 'out', LESSON, 'twice.html')).href);
    assert.equal(await page.locator('[data-player]').first().isVisible(), false);
    const lists = page.locator('[data-player-fallback]');
    assert.equal(await lists.first().isVisible(), true);
    const beats = JSON.parse(fs.readFileSync(path.join(dir, 'out', LESSON, 'embed.html'), 'utf8')
        .match(/<script type="application\/json" data-player-data>(.*)<\/script>/)[1]).variants;
    const captions = await lists.first().locator('figcaption').allTextContents();
    assert.deepEqual(captions, beats.flatMap((v) => v.beats.map((b) => `${b.step} · ${b.title} ${b.caption}`)));
    assert.equal(await lists.first().locator('img').count(), captions.length);
    assert.deepEqual(await seriousAxeViolations(page), []);
    await context.close();
  });
});

describe('a portrait frame embedded on a wide screen', () => {
  test('is offered enlarged to the player\'s width, and fitted back', async () => {
    const { context, page, errors } = await open('alone.html', { lesson: 'real-picture', viewport: { width: 1440, height: 900 } });
    const state = () => page.evaluate(() => {
      const zoom = document.querySelector('[data-player-part="zoom"]');
      const img = document.querySelector('[data-player-part="frame"]');
      const stage = document.querySelector('[data-player-part="stage"]');
      return { shown: getComputedStyle(zoom).display !== 'none', frame: img.getBoundingClientRect().width,
               own: Number(img.getAttribute('width')), box: stage.clientWidth,
               label: stage.getAttribute('aria-label'), scrollWidth: document.documentElement.scrollWidth };
    });
    const fitted = await state();
    assert.ok(fitted.shown, 'Enlarge frame is offered');
    assert.ok(fitted.frame < 0.75 * fitted.own, `fitted to the height: ${fitted.frame} px wide`);
    await page.locator('[data-player-part="zoom"]').click();
    const enlarged = await state();
    // Its full size where the box is wider, else the box's width.
    assert.ok(enlarged.frame >= Math.min(enlarged.own - 1, 0.9 * enlarged.box) && enlarged.frame <= enlarged.box,
              JSON.stringify(enlarged));
    assert.equal(enlarged.label, 'Frame enlarged to the player\'s width');
    assert.ok(enlarged.scrollWidth <= 1440, `the page scrolls sideways (${enlarged.scrollWidth} px wide)`);
    await page.locator('[data-player-part="zoom"]').click();
    assert.equal((await state()).frame, fitted.frame);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('on a phone, enlarged is the frame\'s own size in a box that scrolls sideways', async () => {
    const { context, page, errors } = await open('alone.html', { lesson: 'real-picture', viewport: { width: 390, height: 844 } });
    const state = () => page.evaluate(() => {
      const frame = document.querySelector('[data-player-part="frame"]').getBoundingClientRect();
      const stage = document.querySelector('[data-player-part="stage"]');
      return { frame: frame.width, box: stage.clientWidth, scroll: stage.scrollWidth,
               page: document.documentElement.scrollWidth };
    });
    const fitted = await state();
    await page.locator('[data-player-part="zoom"]').click();
    const enlarged = await state();
    assert.ok(enlarged.frame > fitted.frame + 1 && enlarged.scroll > enlarged.box, JSON.stringify({ fitted, enlarged }));
    assert.ok(enlarged.page <= 390, `the page itself does not scroll sideways (${enlarged.page} px wide)`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('is offered enlarged also when the frame arrives after the script', async () => {
    // As on a slow network (and, once, on a busy CI machine): the player's
    // script runs while its first frame is still loading, so the frame has
    // no size yet; the offer must follow the frame once it is there.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.route(/001-intro\.svg$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(path.join(dir, 'out', 'real-picture', 'alone.html')).href);
    const shown = await page.evaluate(() => {
      const frame = document.querySelector('[data-player-part="frame"]');
      return { loaded: frame.complete && frame.naturalWidth > 0,
               zoom: getComputedStyle(document.querySelector('[data-player-part="zoom"]')).display !== 'none' };
    });
    assert.ok(shown.loaded, 'the frame has loaded');
    assert.ok(shown.zoom, 'Enlarge frame is offered');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
