// axe-core on every page (and the results screen, the recovery codes, the signed-in account page) in one theme and both
// interface languages: no serious or critical violations, colour contrast included (AAA contrast in high contrast). Each
// theme is its own test file (a11y-<theme>.test.mjs), so no file runs near the per-file time limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { serverAndBrowser } from './harness.mjs';
import { targetWords, typeWords } from './page.mjs';

const PAGES = [['/', 'home'], ['/test', 'typing-area'], ['/progress', 'history-count'], ['/history', 'history-count'], ['/settings', 'settings-layout'],
  ['/data', 'storage-state'], ['/account', 'account-form'], ['/learn', 'unit-home'], ['/learn/us/home-1', 'lesson-intro'], ['/practice', 'practice-start'], ['/dictation', 'dictation-start'], ['/review', 'review-start'],
  ['/nowhere', 'not-found']];

/** Registers the check of every page in `theme`, English and Russian, on the file's own server and browser. */
export function axeEveryPage(theme) {
  const ctx = serverAndBrowser();
  test(`no serious or critical axe violations: ${theme} theme, English and Russian`, async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1100, height: 800 } });
    try {
      const page = await context.newPage();
      const problems = [];
      const check = async (where) => {
        // High contrast promises AAA contrast: check the enhanced rule there too.
        const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', ...(theme === 'high_contrast' ? ['wcag2aaa'] : [])];
        const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
        for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          problems.push(`${where}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        }
      };
      for (const lang of ['en', 'ru']) {
        await page.goto(`${ctx.server.url}/`);
        await page.evaluate(([lang, theme]) => localStorage.setItem('klava.settings', JSON.stringify({ language: lang, theme })), [lang, theme]);
        await page.goto(`${ctx.server.url}/test?mode=words&n=10`);
        await typeWords(page, await targetWords(page), 5);
        await page.waitForSelector('[data-testid=results]');
        await check(`${lang} results`);
        for (const [path, id] of PAGES) {
          await page.goto(`${ctx.server.url}${path}`);
          await page.waitForSelector(`[data-testid=${id}]`);
          await check(`${lang} ${path}`);
        }
        // Signed in: the recovery codes, the account page and the status line; then signed out again.
        await page.goto(`${ctx.server.url}/account`);
        await page.click('[data-testid=mode-signup]');
        await page.fill('[data-testid=login]', `a11y-${theme}-${lang}`);
        await page.fill('[data-testid=password]', 'correct horse battery');
        await page.click('[data-testid=account-submit]');
        await page.waitForSelector('[data-testid=recovery-codes]');
        await check(`${lang} recovery codes`);
        await page.click('[data-testid=codes-done]');
        await page.waitForSelector('[data-testid=signed-in-as]');
        await page.waitForSelector('[data-testid=sync-status]');
        await check(`${lang} /account signed in`);
        await page.click('[data-testid=sign-out]');
        await page.click('[data-testid=sign-out-keep]');
        await page.waitForSelector('[data-testid=account-form]');
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}
