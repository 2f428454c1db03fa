// Screenshots of every page in both interface languages, light, dark and high contrast, at desktop and
// phone (390 px) width, for looking at (not a test). Starts its own server on the release build:
//   node tests/e2e/shots.mjs [page …]      → tests/e2e/artifacts/shots/<page>-<lang>-<theme>-<width>.png
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launchBrowser, artifacts } from './harness.mjs';
import { targetWords, typeWords } from './page.mjs';

const PAGES = {
  results: null,
  home: '/',
  test: '/test',
  history: '/history',
  settings: '/settings',
  data: '/data',
  missing: '/no-such-page',
};
const only = process.argv.slice(2);
const out = join(artifacts, 'shots');
mkdirSync(out, { recursive: true });

const server = await startServer();
const browser = await launchBrowser();
try {
  for (const [lang, theme, width] of [['en', 'light', 1100], ['ru', 'light', 1100], ['en', 'dark', 1100], ['ru', 'dark', 1100],
    ['en', 'high_contrast', 1100], ['en', 'light', 390], ['ru', 'dark', 390]]) {
    const context = await browser.newContext({ viewport: { width, height: width > 500 ? 800 : 844 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.evaluate(([lang, theme]) => {
      localStorage.setItem('klava.settings', JSON.stringify({ language: lang, theme }));
    }, [lang, theme]);
    // One finished test, so history and results have something to show.
    await page.goto(`${server.url}/test?mode=words&n=10`);
    await typeWords(page, await targetWords(page), 5);
    await page.waitForSelector('[data-testid=results]');
    for (const [name, path] of Object.entries(PAGES)) {
      if (only.length && !only.includes(name)) continue;
      if (path) await page.goto(`${server.url}${path}`);
      await page.waitForTimeout(300);
      const file = join(out, `${name}-${lang}-${theme}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
