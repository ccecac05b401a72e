// Every generated HTML page passes html-validate's recommended rules (a
// validator that runs in Node, no Java), with the settings in
// .htmlvalidate.json beside this file. One rule is off: long-title, because a
// page's <title> is the lesson's title and the lesson format allows authors
// up to 200 characters.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { siteDir } from './support/site.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

function htmlFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return htmlFiles(p);
    return d.name.endsWith('.html') ? [p] : [];
  });
}

test('every page is valid HTML', async () => {
  const { HtmlValidate, FileSystemConfigLoader } = await import('html-validate');
  const validator = new HtmlValidate(new FileSystemConfigLoader({
    ...JSON.parse(fs.readFileSync(path.join(here, '.htmlvalidate.json'), 'utf8')),
    root: true,
  }));
  const files = htmlFiles(siteDir());
  assert.ok(files.length >= 2, 'the site has the index and at least one lesson page');
  const problems = [];
  for (const file of files) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages) {
        problems.push(`${path.relative(siteDir(), file)}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
