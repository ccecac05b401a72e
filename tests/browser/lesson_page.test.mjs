// The default lesson's page in headless Chromium, opened from disk: the step
// player (buttons, scrubber, keys, playback, filter switcher), what it reads
// aloud, what it fetches, accessibility, and the page without JavaScript and
// in print.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { launchBrowser, readLessonJson, recordCspViolations, recordRequests, seriousAxeViolations, siteDir, siteUrl } from './support/site.mjs';

const LESSON = 'conv-relu-pool';
let browser;
let lessonJson;

before(async () => {
  browser = await launchBrowser();
  lessonJson = readLessonJson(LESSON);
});
after(async () => {
  await browser?.close();
});

// A fresh context and page on the lesson; the request log comes with it.
async function openLesson(options = {}, id = LESSON) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const requests = await recordRequests(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(siteUrl(`${id}/index.html`));
  return { context, page, requests, errors };
}

async function shown(page) {
  return page.evaluate(() => ({
    step: document.getElementById('player-step').textContent,
    caption: document.getElementById('player-caption').textContent,
    src: document.getElementById('player-frame').getAttribute('src'),
    alt: document.getElementById('player-frame').getAttribute('alt'),
    scrubber: document.getElementById('player-scrubber').value,
    pressed: [...document.querySelectorAll('[data-variant]')].map((b) => b.getAttribute('aria-pressed')),
  }));
}

function expectBeat(state, variant, index) {
  const beats = lessonJson.variants[variant].beats;
  assert.equal(state.caption, beats[index].caption);
  assert.equal(state.src, beats[index].svg);
  assert.match(state.step, new RegExp(`^Step ${index + 1} of ${beats.length} · `));
  assert.equal(state.scrubber, String(index + 1));
  assert.deepEqual(state.pressed, lessonJson.variants.map((_, i) => String(i === variant)));
}

async function frameLoaded(page) {
  await page.waitForFunction(() => {
    const img = document.getElementById('player-frame');
    return img.complete && img.naturalWidth > 0;
  });
}

describe('step player', () => {
  test('opens on the intro beat, revealed by the script, and never starts by itself', async () => {
    const { context, page, requests, errors } = await openLesson();
    assert.equal(await page.isVisible('#player'), true);
    assert.equal(await page.isVisible('#frames'), false);
    expectBeat(await shown(page), 0, 0);
    assert.equal(lessonJson.variants[0].beats[0].stage, 'intro');
    await frameLoaded(page);
    // Longer than the intro's hold at any speed the page starts with.
    await page.waitForTimeout(3000);
    expectBeat(await shown(page), 0, 0);
    assert.equal(await page.textContent('#player-play .label'), 'Play');
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.offline(), []);
    await context.close();
  });

  test('Next seventeen times shows beat 18: the activation, its caption and its frame', async () => {
    const { context, page, requests } = await openLesson();
    for (let i = 0; i < 17; i++) await page.click('#player-next');
    const state = await shown(page);
    expectBeat(state, 0, 17);
    assert.equal(lessonJson.variants[0].beats[17].stage, 'activation');
    assert.equal(state.src, 'frames/vertical-edge/018-activation.svg');
    assert.match(state.step, /^Step 18 of 23 · ReLU$/);
    assert.ok(state.alt.length > 20, 'the frame has a description as alt text');
    await frameLoaded(page);
    assert.deepEqual(requests.offline(), []);
    await context.close();
  });

  test('one way of counting: step 9 of 23 shows frame file 009, whose heading is position 8 of 16', async () => {
    const { context, page } = await openLesson();
    await page.evaluate(() => {
      const scrubber = document.getElementById('player-scrubber');
      scrubber.value = '9';
      scrubber.dispatchEvent(new Event('input'));
    });
    const state = await shown(page);
    expectBeat(state, 0, 8);
    assert.equal(state.step, 'Step 9 of 23 \u00b7 Convolution');
    assert.equal(state.src, 'frames/vertical-edge/009-conv.svg');
    // The frame itself names the beat within its stage, never as a step.
    const svg = fs.readFileSync(path.join(siteDir(), LESSON, state.src), 'utf8');
    const title = svg.match(/<title[^>]*>([^<]*)<\/title>/)[1];
    assert.equal(title, 'Vertical edge \u00b7 Convolution \u00b7 position 8 of 16');
    assert.doesNotMatch(svg, /[Ss]tep \d+ of/);
    await context.close();
  });

  test('Space plays (the caption advances) and pauses', async () => {
    const { context, page } = await openLesson();
    await page.selectOption('#player-speed', '2');  // faster holds keep the test short
    await page.evaluate(() => document.activeElement.blur());
    await page.keyboard.press('Space');
    assert.equal(await page.textContent('#player-play .label'), 'Pause');
    // While playing, captions are not announced one after another.
    assert.equal(await page.getAttribute('#player-caption', 'aria-live'), 'off');
    await page.waitForFunction(() => document.getElementById('player-scrubber').value === '3', null, { timeout: 10000 });
    await page.keyboard.press('Space');
    assert.equal(await page.textContent('#player-play .label'), 'Play');
    assert.equal(await page.getAttribute('#player-caption', 'aria-live'), 'polite');
    const paused = await shown(page);
    await page.waitForTimeout(2000);
    assert.deepEqual(await shown(page), paused);
    const index = Number(paused.scrubber) - 1;
    assert.ok(index >= 2, `playback advanced to step ${index + 1}`);
    expectBeat(paused, 0, index);
    await context.close();
  });

  test('playback stops on the last beat', async () => {
    const { context, page } = await openLesson();
    await page.selectOption('#player-speed', '2');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.click('#player-play');
    await page.waitForFunction(() => document.getElementById('player-scrubber').value === '23', null, { timeout: 10000 });
    await page.waitForFunction(() => document.querySelector('#player-play .label').textContent === 'Play');
    expectBeat(await shown(page), 0, 22);
    await context.close();
  });

  test('switching to Horizontal edge keeps the beat and shows the transposed numbers', async () => {
    const { context, page } = await openLesson();
    const [vertical, horizontal] = lessonJson.variants;
    assert.equal(horizontal.label, 'Horizontal edge');
    // The contract: the horizontal maps are the transposes of the vertical ones.
    const transpose = (m) => m[0].map((_, c) => m.map((row) => row[c]));
    assert.deepEqual(horizontal.conv.output, transpose(vertical.conv.output));
    assert.deepEqual(horizontal.pool.output, transpose(vertical.pool.output));

    // Step 3 is conv position (0, 1): -18 with the vertical filter, -27 with the horizontal one.
    await page.click('#player-next');
    await page.click('#player-next');
    const before = await shown(page);
    expectBeat(before, 0, 2);
    assert.match(before.caption, /^Position \(0, 1\): .* = −18$/);
    await page.click('button[data-variant="1"]');
    const afterSwitch = await shown(page);
    expectBeat(afterSwitch, 1, 2);
    assert.match(afterSwitch.caption, /^Position \(0, 1\): .* = −27$/);
    assert.equal(afterSwitch.src, 'frames/horizontal-edge/003-conv.svg');
    await frameLoaded(page);

    // The summary, both ways round.
    await page.keyboard.press('End');
    expectBeat(await shown(page), 1, 22);
    await page.click('button[data-variant="0"]');
    expectBeat(await shown(page), 0, 22);
    await context.close();
  });

  test('switching to a filter with fewer beats clamps to its last beat', async () => {
    const uneven = readLessonJson('uneven-variants');
    const [big, small] = uneven.variants;
    assert.ok(small.beats.length < big.beats.length);
    const { context, page } = await openLesson({}, 'uneven-variants');
    await page.keyboard.press('End');
    assert.equal(await page.inputValue('#player-scrubber'), String(big.beats.length));
    await page.click('button[data-variant="1"]');
    const state = await shown(page);
    assert.equal(state.caption, small.beats[small.beats.length - 1].caption);
    assert.equal(state.src, small.beats[small.beats.length - 1].svg);
    assert.equal(state.scrubber, String(small.beats.length));
    await context.close();
  });

  test('the scrubber and the speed list keep their own arrow keys', async () => {
    const { context, page } = await openLesson();
    await page.focus('#player-scrubber');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expectBeat(await shown(page), 0, 2);  // moved by the slider itself, once per press
    await page.keyboard.press('Home');
    expectBeat(await shown(page), 0, 0);
    await page.focus('#player-speed');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.inputValue('#player-speed'), '2');
    expectBeat(await shown(page), 0, 0);
    // Space on a focused button presses that button and does nothing else.
    await page.focus('#player-next');
    await page.keyboard.press('Space');
    expectBeat(await shown(page), 0, 1);
    assert.equal(await page.textContent('#player-play .label'), 'Play');
    await context.close();
  });

  test('keys work from the page: arrows, Home and End', async () => {
    const { context, page } = await openLesson();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expectBeat(await shown(page), 0, 3);
    await page.keyboard.press('ArrowLeft');
    expectBeat(await shown(page), 0, 2);
    await page.keyboard.press('End');
    expectBeat(await shown(page), 0, 22);
    await page.keyboard.press('ArrowRight');  // stays on the last beat
    expectBeat(await shown(page), 0, 22);
    await page.keyboard.press('Home');
    expectBeat(await shown(page), 0, 0);
    await context.close();
  });
});

describe('keyboard only', () => {
  test('skip link, visible focus, the whole story with Tab and Enter, and a filter switch', async () => {
    const { context, page } = await openLesson();
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      // A variant button's name is its label; its second line says how it differs.
      const name = el.querySelector('.variant-name');
      return { id: el.id, text: (name || el).textContent.trim(), tag: el.tagName,
               outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    await page.keyboard.press('Tab');
    let f = await focused();
    assert.equal(f.text, 'Skip to the lesson');
    assert.ok(f.outline, 'the skip link shows focus');
    assert.equal(await page.evaluate(() => document.activeElement.getBoundingClientRect().top >= 0), true);
    await page.keyboard.press('Enter');
    assert.equal((await focused()).id, 'main');

    // Tab on to the Next button; every stop on the way shows where focus is.
    const stops = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      f = await focused();
      stops.push(f.id || f.text);
      assert.ok(f.outline, `focus is visible on ${f.tag} "${f.text}"`);
      if (f.id === 'player-next') break;
    }
    assert.equal(f.id, 'player-next', `reached Next via ${stops.join(' → ')}`);
    assert.ok(stops.includes('Horizontal edge'), 'the filter buttons are on the way');
    for (let i = 0; i < 22; i++) await page.keyboard.press('Enter');
    const end = await shown(page);
    expectBeat(end, 0, 22);
    assert.equal(lessonJson.variants[0].beats[22].stage, 'summary');
    assert.equal((await focused()).id, 'player-next', 'focus stays on Next at the end');

    // Back to the filter buttons and switch.
    for (let i = 0; i < 10 && (await focused()).text !== 'Horizontal edge'; i++) await page.keyboard.press('Shift+Tab');
    assert.equal((await focused()).text, 'Horizontal edge');
    await page.keyboard.press('Space');
    expectBeat(await shown(page), 1, 22);
    await context.close();
  });
});

describe('page', () => {
  test('axe-core finds no serious or critical problem, before and after playing', async () => {
    const { context, page, requests } = await openLesson();
    assert.deepEqual(await seriousAxeViolations(page), []);
    await context.close();
    const second = await openLesson({ viewport: { width: 390, height: 844 } });
    for (let i = 0; i < 5; i++) await second.page.click('#player-next');
    await second.page.click('#player-zoom');
    assert.deepEqual(await seriousAxeViolations(second.page), []);
    assert.deepEqual(requests.offline(), []);
    assert.deepEqual(second.requests.offline(), []);
    await second.context.close();
    // The dark scheme and more contrast, on a desktop and a phone.
    for (const options of [{ colorScheme: 'dark' }, { colorScheme: 'dark', viewport: { width: 390, height: 844 } },
                           { colorScheme: 'light', contrast: 'more' }]) {
      const themed = await openLesson(options);
      for (let i = 0; i < 5; i++) await themed.page.click('#player-next');
      assert.deepEqual(await seriousAxeViolations(themed.page), [], JSON.stringify(options));
      await themed.context.close();
    }
  });

  test('the page and its frames follow the dark scheme', async () => {
    const { context, page } = await openLesson({ colorScheme: 'dark' });
    const colours = await page.evaluate(() => ({
      page: getComputedStyle(document.documentElement).backgroundColor,
      text: getComputedStyle(document.body).color,
    }));
    assert.equal(colours.page, 'rgb(22, 24, 27)');
    assert.equal(colours.text, 'rgb(230, 232, 235)');
    // The frame's own <style> recolours it for the dark scheme: its background is the dark zero.
    const svg = fs.readFileSync(path.join(siteDir(), LESSON, lessonJson.variants[0].beats[0].svg), 'utf8');
    assert.match(svg, /<style>@media \(prefers-color-scheme:dark\)\{[^<]*\.df-1e2126\{fill:#1e2126\}/);
    await frameLoaded(page);
    // Chromium applies it: the frame opened in the dark scheme has a dark background, and light in the light one.
    for (const [scheme, want] of [['dark', 'rgb(30, 33, 38)'], ['light', 'rgb(255, 255, 255)']]) {
      const svgPage = await context.newPage();
      await svgPage.emulateMedia({ colorScheme: scheme });
      await svgPage.goto(siteUrl(`${LESSON}/${lessonJson.variants[0].beats[0].svg}`));
      assert.equal(await svgPage.evaluate(() => getComputedStyle(document.querySelector('svg > rect')).fill), want, scheme);
      await svgPage.close();
    }
    await context.close();
  });

  test('nothing but local files is requested, and every one exists', async () => {
    const { context, page, requests } = await openLesson();
    await page.keyboard.press('End');
    await frameLoaded(page);
    assert.ok(requests.urls.length > 3);
    assert.deepEqual(requests.offline(), []);
    const failed = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.reload();
    await frameLoaded(page);
    assert.deepEqual(failed, []);
    await context.close();
  });

  test('without JavaScript every frame is listed in order with its caption', async () => {
    const { context, page, requests } = await openLesson({ javaScriptEnabled: false });
    assert.equal(await page.isVisible('#player'), false);
    for (const [v, variant] of lessonJson.variants.entries()) {
      const items = page.locator('.frame-list').nth(v).locator('li');
      assert.equal(await items.count(), variant.beats.length);
      for (const [b, beat] of variant.beats.entries()) {
        const item = items.nth(b);
        await item.scrollIntoViewIfNeeded();
        assert.equal(await item.isVisible(), true);
        const img = item.locator('img');
        assert.equal(await img.getAttribute('src'), beat.svg);
        assert.ok((await img.getAttribute('alt')).length > 20);
        assert.ok((await item.locator('figcaption').textContent()).endsWith(beat.caption));
      }
    }
    // Every image has loaded (no lazy loading without scripts, and no broken path).
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    const broken = await page.evaluate(() => [...document.images].filter((i) => !i.naturalWidth).map((i) => i.src));
    assert.deepEqual(broken, []);
    assert.deepEqual(requests.offline(), []);
    await context.close();
  });

  test('print shows the frames and hides the player', async () => {
    const { context, page } = await openLesson();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('#player'), false);
    assert.equal(await page.isVisible('#frames'), true);
    assert.equal(await page.locator('.frames li').first().isVisible(), true);
    await context.close();
  });

  test('reduced motion: no transitions and a slower start speed', async () => {
    const { context, page } = await openLesson({ reducedMotion: 'reduce' });
    assert.equal(await page.inputValue('#player-speed'), '0.5');
    const transition = await page.evaluate(() => getComputedStyle(document.getElementById('player-next')).transitionDuration);
    assert.equal(transition, '0s');
    await context.close();
  });

  test('fits a 360 px wide screen without sideways scrolling', async () => {
    const { context, page } = await openLesson({ viewport: { width: 360, height: 740 } });
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
    assert.ok(widths.doc <= widths.view, `page is ${widths.doc}px wide in a ${widths.view}px window`);
    for (const part of ['.controls .buttons', '.controls .settings']) {
      const box = await page.locator(part).boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 360, `${part}: ${JSON.stringify(box)}`);
    }
    // Text at twice the size: the step buttons wrap; each holds its words
    // (they once spilled over the next button), none over another.
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    const buttons = await page.$$eval('.controls .buttons button', (all) => all.map((b) => ({
      ...b.getBoundingClientRect().toJSON(), spill: b.scrollWidth - b.clientWidth })));
    for (const [i, a] of buttons.entries()) {
      assert.ok(a.left >= 0 && a.right <= 360 && a.spill <= 1, `button ${i}: ${JSON.stringify(a)}`);
      for (const b of buttons.slice(i + 1))
        assert.ok(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, JSON.stringify([a, b]));
    }
    await context.close();
  });

  test('sections titled like the page\'s own ids ("Player data", "Player speed", ...) leave the player working', async () => {
    const { context, page, errors } = await openLesson({}, 'colliding-titles');
    const ids = await page.$$eval('[id]', (els) => els.map((e) => e.id));
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'duplicate ids');
    assert.equal(await page.getAttribute('#player-data', 'type'), 'application/json');
    assert.equal(await page.evaluate(() => document.getElementById('player-speed').tagName), 'SELECT');
    assert.equal(await page.textContent('#walkthrough-title'), 'Walkthrough');
    assert.equal(await page.isVisible('#player'), true);
    const beats = readLessonJson('colliding-titles').variants[0].beats;
    for (let i = 0; i < 3; i++) await page.click('#player-next');
    assert.equal(await page.textContent('#player-caption'), beats[3].caption);
    assert.equal(await page.getAttribute('#player-frame', 'src'), beats[3].svg);
    await page.selectOption('#player-speed', '2');
    await page.keyboard.press('End');
    assert.equal(await page.textContent('#player-caption'), beats[beats.length - 1].caption);
    // Every in-page link and label reference names exactly one element.
    const dangling = await page.evaluate(() => [
      ...[...document.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href').slice(1)),
      ...[...document.querySelectorAll('[aria-labelledby]')].flatMap((e) => e.getAttribute('aria-labelledby').split(' ')),
    ].filter((id) => document.querySelectorAll(`[id="${id}"]`).length !== 1));
    assert.deepEqual(dangling, []);
    assert.equal(await page.textContent('#section-player-data--title'), 'Player data');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('every page carries a Content-Security-Policy that the player runs under from file://', async () => {
    const policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; " +
                   "form-action 'none'";
    const pages = ['index.html', ...fs.readdirSync(siteDir(), { withFileTypes: true })
        .filter((d) => d.isDirectory() && fs.existsSync(path.join(siteDir(), d.name, 'index.html')))
        .map((d) => `${d.name}/index.html`)];
    assert.ok(pages.length >= 5);
    for (const relative of pages) {
      const html = fs.readFileSync(path.join(siteDir(), relative), 'utf8');
      assert.equal(html.split(`<meta http-equiv="Content-Security-Policy" content="${policy}">`).length, 2, relative);
    }
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const csp = await recordCspViolations(context);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const relative of pages) {
      await page.goto(siteUrl(relative));
      if (relative !== 'index.html') {
        // The player ran: it revealed itself and steps through the beats.
        assert.equal(await page.isVisible('#player'), true, relative);
        await page.click('#player-next');
        assert.match(await page.textContent('#player-step'), /^Step 2 of /, relative);
        await page.keyboard.press('End');
        await frameLoaded(page);  // the frame list's images are lazy and hidden: only the player's loads
      } else {
        await page.waitForFunction(() => [...document.images].every((i) => i.complete));
        const broken = await page.evaluate(() => [...document.images].filter((i) => !i.naturalWidth).map((i) => i.src));
        assert.deepEqual(broken, [], relative);
      }
      assert.ok(await page.evaluate(() => getComputedStyle(document.body).fontFamily.length > 0), relative);
      assert.deepEqual(await csp.violations(page), [], relative);
    }
    // The policy is enforced: a script injected into the page does not run.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true;';
      document.body.append(s);
    });
    assert.equal(await page.evaluate(() => window.__injected), undefined);
    assert.deepEqual(await csp.violations(page), ['script-src-elem inline']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a 190-character word in every author text wraps instead of widening the page', async () => {
    for (const width of [1280, 360]) {
      const { context, page } = await openLesson({ viewport: { width, height: 740 } }, 'long-words');
      const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
      assert.ok(widths.doc <= widths.view, `long-words is ${widths.doc}px wide in a ${widths.view}px window`);
      await context.close();
    }
  });

  test('author text is shown as text and runs nothing', async () => {
    const { context, page, errors } = await openLesson({}, 'uneven-variants');
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    assert.equal(await page.evaluate(() => window.__injected), undefined);
    assert.equal(await page.textContent('h1'),
                 "Uneven <em>variants</em> & \"quotes\" <script>window.__injected = 'title'</script>");
    assert.equal(await page.title(), await page.textContent('h1'));
    assert.equal(await page.textContent('button[data-variant="0"] .variant-name'), 'Big <b>image</b>');
    assert.equal(await page.locator('main script').count(), 0);
    await page.click('text=link');
    assert.equal(await page.evaluate(() => window.__injected), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

// The smallest font size (in the SVG's units) of a text set in a cell of a
// grid (a value, not a label or an index), and the SVG's viewBox width.
async function smallestValueText(context, svgPath, lesson = LESSON) {
  const svgPage = await context.newPage();
  await svgPage.goto(siteUrl(`${lesson}/${svgPath}`));
  const result = await svgPage.evaluate(() => {
    const svg = document.documentElement;
    let smallest = Infinity, values = 0;
    for (const id of ['input', 'filter', 'conv', 'activated', 'pooled']) {
      const group = svg.querySelector(`g[id$="-${id}"]`);
      if (!group) continue;
      const cells = [...group.children].filter((n) => n.tagName === 'rect' && !n.getAttribute('stroke') &&
                                                      n.getAttribute('fill') !== 'none');
      for (const text of group.querySelectorAll(':scope > text')) {
        if (text.getAttribute('font-weight')) continue;  // the label
        const x = Number(text.getAttribute('x')), y = Number(text.getAttribute('y'));
        const inCell = cells.some((r) => {
          const rx = Number(r.getAttribute('x')), ry = Number(r.getAttribute('y'));
          return x > rx && x < rx + Number(r.getAttribute('width')) && y > ry && y < ry + Number(r.getAttribute('height'));
        });
        if (!inCell) continue;  // an index beside the grid
        smallest = Math.min(smallest, Number(text.getAttribute('font-size')));
        ++values;
      }
    }
    return { smallest, values, width: Number(svg.getAttribute('viewBox').split(/\s+/)[2]) };
  });
  await svgPage.close();
  return result;
}

describe('phone', () => {
  test('at 390x844 the player shows the tall frame, whole, with values of 9 CSS pixels or more', async () => {
    const { context, page, errors } = await openLesson({ viewport: { width: 390, height: 844 } });
    for (const beat of [0, 1, 20]) {
      await page.evaluate((n) => { document.getElementById('player-scrubber').value = String(n); }, beat + 1);
      await page.dispatchEvent('#player-scrubber', 'input');
      await frameLoaded(page);
      const expected = lessonJson.variants[0].beats[beat];
      assert.ok(expected.tall_svg, 'lesson.json names the tall frame');
      await page.waitForFunction((src) => document.getElementById('player-frame').currentSrc.endsWith(src),
                                 expected.tall_svg);
      const box = await page.evaluate(() => {
        const r = document.getElementById('player-frame').getBoundingClientRect();
        return { left: r.left, right: r.right, width: r.width, natural: document.getElementById('player-frame').naturalWidth,
                 scrollWidth: document.documentElement.scrollWidth };
      });
      assert.ok(box.left >= 0 && box.right <= 390, `frame from ${box.left} to ${box.right}`);
      assert.ok(box.scrollWidth <= 390, `the page scrolls sideways (${box.scrollWidth} px wide)`);
      const text = await smallestValueText(context, expected.tall_svg);
      assert.ok(text.values > 0, 'the tall frame shows values');
      const px = text.smallest * box.width / text.width;
      assert.ok(px >= 9, `values at ${px.toFixed(2)} CSS px`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the step buttons stay on screen under a frame taller than the screen, and step without a scroll', async () => {
    for (const id of [LESSON, 'real-picture']) {
      const { context, page, errors } = await openLesson({ viewport: { width: 390, height: 844 } }, id);
      await frameLoaded(page);
      await page.evaluate(() => document.getElementById('walkthrough-title').scrollIntoView());
      const rect = (selector) => page.evaluate((s) => {
        const r = document.querySelector(s).getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, view: window.innerHeight, scrollY: window.scrollY };
      }, selector);
      const frame = await rect('#player-frame');
      assert.ok(frame.bottom > frame.view, `${id}: the frame fits the screen (${JSON.stringify(frame)}): nothing to test`);
      const next = await rect('#player-next');
      assert.ok(next.top >= 0 && next.bottom <= next.view, `${id}: Next is off screen: ${JSON.stringify(next)}`);
      const step = () => page.evaluate(() => document.getElementById('player-step').textContent);
      const before = await step();
      await page.click('#player-next');
      assert.notEqual(await step(), before, `${id}: Next did not step`);
      assert.equal((await rect('#player-next')).scrollY, next.scrollY, `${id}: stepping scrolled the page`);
      // Scrolled down to them, the buttons sit in their place and cover no caption.
      await page.evaluate(() => document.getElementById('player-caption').scrollIntoView({ block: 'end' }));
      const [buttons, caption] = [await rect('.controls .buttons'), await rect('#player-caption')];
      assert.ok(buttons.bottom <= caption.top, `${id}: the buttons cover the caption: ${JSON.stringify([buttons, caption])}`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  test('the sticky step buttons never cover the variant buttons', async () => {
    // A 360x560 screen shows the variant buttons and little of the frame.
    for (const id of ['pooling', 'transposed-convolution', LESSON]) {
      const { context, page, errors } = await openLesson({ viewport: { width: 360, height: 560 } }, id);
      await frameLoaded(page);
      const overlaps = () => page.evaluate(() => {
        const bar = document.querySelector('.controls .buttons').getBoundingClientRect();
        return [...document.querySelectorAll('.filter-button')].map((b) => b.getBoundingClientRect())
          .filter((r) => r.bottom > bar.top && r.top < bar.bottom && r.top < window.innerHeight).length;
      });
      for (const y of [0, 200, 400]) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        assert.equal(await overlaps(), 0, `${id}: at scroll ${y} the step buttons cover a variant button`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  test('a phone reader scrolled down a frame sees the next stage\'s panels, not its empty foot', async () => {
    const { context, page, errors } = await openLesson({ viewport: { width: 390, height: 600 }, reducedMotion: 'reduce' });
    await frameLoaded(page);
    const beats = lessonJson.variants[0].beats;
    const lastConv = beats.map((b) => b.stage).lastIndexOf('conv');
    assert.equal(beats[lastConv + 1].stage, 'activation');
    await page.evaluate((n) => { document.getElementById('player-scrubber').value = String(n); }, lastConv);
    await page.dispatchEvent('#player-scrubber', 'input');  // the last conv beat but one
    const frameTop = () => page.evaluate(() => document.querySelector('.stage-frame').getBoundingClientRect().top);
    // Scrolled down to the products, below the frame's top.
    await page.evaluate(() => window.scrollBy(0, document.querySelector('.stage-frame').getBoundingClientRect().top + 300));
    const down = await frameTop();
    assert.ok(down < -250, `frame top at ${down}`);
    await page.click('#player-next');  // another conv beat: the reader's place is kept
    assert.equal(await frameTop(), down);
    await page.click('#player-next');  // the activation: its panels are at the frame's top
    await page.waitForFunction(() => Math.abs(document.querySelector('.stage-frame').getBoundingClientRect().top) < 2);
    assert.equal(await page.textContent('#player-caption'), beats[lastConv + 1].caption);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('Enlarge frame shows a photograph\'s frame at its own size, in a box that scrolls sideways', async () => {
    // The narrow screens' width: 100% once outweighed the enlarged frame's
    // own size: the button said it was enlarged, and nothing changed.
    const { context, page, errors } = await openLesson({ viewport: { width: 390, height: 844 } }, 'real-picture');
    await frameLoaded(page);
    const state = () => page.evaluate(() => {
      const frame = document.getElementById('player-frame'), stage = document.querySelector('.stage-frame');
      return { width: frame.getBoundingClientRect().width, natural: frame.naturalWidth, box: stage.clientWidth,
               scroll: stage.scrollWidth, page: document.documentElement.scrollWidth };
    });
    const fitted = await state();
    assert.ok(fitted.width <= fitted.box, JSON.stringify(fitted));
    await page.click('#player-zoom');
    const enlarged = await state();
    assert.ok(enlarged.width > fitted.width + 1, `enlarged from ${fitted.width} to ${enlarged.width} px`);
    assert.ok(enlarged.scroll > enlarged.box, `the box scrolls sideways: ${JSON.stringify(enlarged)}`);
    assert.ok(enlarged.page <= 390, `the page itself does not (${enlarged.page} px wide)`);
    // A keyboard scrolls the box: its arrow keys once stepped the player.
    const step = () => page.evaluate(() => document.getElementById('player-step').textContent);
    const before = await step();
    await page.focus('.stage-frame');
    for (let i = 0; i < 5; ++i) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('End');
    // (A browser may scroll smoothly: wait for it.)
    const scrolled = await page.waitForFunction(() => document.querySelector('.stage-frame').scrollLeft > 0,
                                                null, { timeout: 5000 }).then(() => true, () => false);
    assert.ok(scrolled, 'ArrowRight and End on the enlarged frame scroll it');
    assert.equal(await step(), before, 'the keys scrolled the frame without stepping the player');
    await page.click('#player-zoom');
    assert.equal((await state()).width, fitted.width);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('on a desktop the player shows the lesson\'s own frame', async () => {
    const { context, page } = await openLesson();
    await frameLoaded(page);
    const src = await page.evaluate(() => document.getElementById('player-frame').currentSrc);
    assert.ok(src.endsWith(lessonJson.variants[0].beats[0].svg), src);
    await context.close();
  });
});

describe('large frames on a desktop', () => {
  // The shown size of a frame's smallest cell value, in CSS pixels.
  async function valuePixels(context, page, lesson, svg) {
    const width = await page.evaluate(() => document.getElementById('player-frame').getBoundingClientRect().width);
    const text = await smallestValueText(context, svg, lesson);
    assert.ok(text.values > 0, `${svg} shows values`);
    return text.smallest * width / text.width;
  }
  const zoomState = (page) => page.evaluate(() => {
    const zoom = document.getElementById('player-zoom');
    const r = zoom.getBoundingClientRect(), play = document.getElementById('player-play').getBoundingClientRect();
    return { shown: r.width > 0 && getComputedStyle(zoom).display !== 'none', pressed: zoom.getAttribute('aria-pressed'),
             sameRow: Math.abs(r.top - play.top) < 2, stageLabel: document.querySelector('.stage-frame').getAttribute('aria-label'),
             scrollWidth: document.documentElement.scrollWidth };
  });

  test('the default lesson\'s frame fits and offers no enlarging', async () => {
    const { context, page } = await openLesson({ viewport: { width: 1440, height: 900 } });
    await frameLoaded(page);
    assert.equal((await zoomState(page)).shown, false);
    await context.close();
  });

  test('a 28x28 photograph\'s frame, fitted to the height, can be enlarged to the player\'s width to read its numbers', async () => {
    const lesson = 'real-picture';
    const json = readLessonJson(lesson);
    const svg = json.variants[0].beats[5].svg;
    const { context, page, errors } = await openLesson({ viewport: { width: 1440, height: 900 } }, lesson);
    for (let i = 0; i < 5; i++) await page.click('#player-next');
    await frameLoaded(page);
    let state = await zoomState(page);
    assert.ok(state.shown && state.sameRow, JSON.stringify(state));
    const fitted = await valuePixels(context, page, lesson, svg);
    assert.ok(fitted < 6, `values at ${fitted.toFixed(2)} CSS px fitted to the height`);
    await page.click('#player-zoom');
    state = await zoomState(page);
    assert.equal(state.pressed, 'true');
    assert.ok(state.shown, 'the button stays to undo it');
    assert.equal(state.stageLabel, 'Frame enlarged to the player\'s width');
    assert.ok(state.scrollWidth <= 1440, `the page scrolls sideways (${state.scrollWidth} px wide)`);
    const enlarged = await valuePixels(context, page, lesson, svg);
    assert.ok(enlarged >= 9, `values at ${enlarged.toFixed(2)} CSS px enlarged`);
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.click('#player-zoom');
    assert.ok(Math.abs(await valuePixels(context, page, lesson, svg) - fitted) < 0.01, 'undone');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
