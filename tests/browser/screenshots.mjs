// Screenshots of a built site for the docs (not a test): the default lesson's
// player part-way through the convolution, at desktop and phone widths, and
// the course index. Usage, from the repository root after a build:
//   node tests/browser/screenshots.mjs out docs/img
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { launchBrowser } from './support/site.mjs';

const [site = 'out', dest = 'docs/img'] = process.argv.slice(2);
fs.mkdirSync(dest, { recursive: true });
const browser = await launchBrowser();

async function shoot(relative, viewport, file, prepare) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(pathToFileURL(path.resolve(site, relative)).href);
  if (prepare) await prepare(page);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete || i.loading === 'lazy'));
  await page.screenshot({ path: path.join(dest, file) });
  await context.close();
  console.log(path.join(dest, file));
}

// Six steps in: the window sits at (1, 0) and the map is filling up.
const playerAtStep7 = async (page) => {
  for (let i = 0; i < 6; i++) await page.click('#player-next');
  await page.evaluate(() => window.scrollTo(0, document.getElementById('walkthrough').getBoundingClientRect().top + window.scrollY - 12));
  await page.evaluate(() => document.activeElement.blur());
};

await shoot('conv-relu-pool/index.html', { width: 1280, height: 800 }, 'lesson-desktop.png', playerAtStep7);
await shoot('conv-relu-pool/index.html', { width: 390, height: 844 }, 'lesson-phone.png', playerAtStep7);
await shoot('index.html', { width: 1280, height: 800 }, 'index-desktop.png');
await shoot('index.html', { width: 390, height: 844 }, 'index-phone.png');
await browser.close();
