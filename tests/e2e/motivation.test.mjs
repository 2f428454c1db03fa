// Motivation in a real browser: XP on the results screen, the first achievement toasted, the level in the
// header, and a streak counted in the learner's local days (the page's clock set by Playwright).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, withPage } from './harness.mjs';
import { finishTest, saved } from './page.mjs';

const ctx = serverAndBrowser();

/** Waits until the element's text matches `re` (motivation is folded a moment after a session is saved). */
async function textBecomes(page, selector, re) {
  await page.waitForFunction(([sel, src]) => new RegExp(src).test(document.querySelector(sel)?.textContent ?? ''), [selector, re.source], { timeout: 10_000 })
    .catch(async (e) => { e.message += ` (${selector} says ${JSON.stringify(await page.textContent(selector).catch(() => null))})`; throw e; });
}

test('XP, the first achievement, the level, and a streak over local days in Moscow', async () => {
  await withPage(ctx.browser, 'motivation moscow', async (page) => {
    // 23:00 in Moscow on 2 March.
    await page.clock.setFixedTime(new Date('2026-03-02T20:00:00Z'));
    await page.goto(`${ctx.server.url}/test`);
    await finishTest(page, 80, 25);
    await textBecomes(page, '[data-testid=session-xp]', /^\+\d+ XP: \d+ typing/);
    await page.waitForSelector('[data-testid=toast]');
    assert.match(await page.textContent('[data-testid=toast]'), /Achievement earned: First steps/);
    assert.equal(await page.getAttribute('.toast-region', 'role'), 'status', 'said to screen readers');
    await page.click('[data-testid=toast-close]');
    assert.equal(await page.$('[data-testid=toast]'), null);
    await textBecomes(page, '[data-testid=header-level]', /Level 1/);
    await textBecomes(page, '[data-testid=header-streak]', /1/);
    await saved(page);

    // An hour and a half later it is 00:30 on 3 March in Moscow: a new local day, so the streak is 2.
    await page.clock.setFixedTime(new Date('2026-03-02T21:30:00Z'));
    await page.reload();
    await finishTest(page, 80, 25);
    await saved(page);
    await page.click('[data-testid=tab-home]');
    await textBecomes(page, '[data-testid=streak]', /2 in a row/);
    // 00:30 is a night owl's hour; what was earned before is not toasted again.
    await page.waitForSelector('[data-testid=toast]');
    const toast = await page.textContent('[data-testid=toast]');
    assert.match(toast, /Night owl/);
    assert.doesNotMatch(toast, /First steps/);

    // 4 March missed, no freeze held: on 5 March the streak is broken until a session starts it again.
    await page.clock.setFixedTime(new Date('2026-03-05T12:00:00Z'));
    await page.reload();
    await page.waitForSelector('[data-testid=streak]');
    await textBecomes(page, '[data-testid=streak]', /0 in a row/);
    await finishTest(page, 80, 25);
    await saved(page);
    await page.click('[data-testid=tab-progress]');
    await page.waitForSelector('[data-testid=achievement-first_session].earned');
    assert.match(await page.textContent('[data-testid=achievement-first_session]'), /earned 2026-03-02/);
  }, { timezoneId: 'Europe/Moscow', viewport: { width: 1100, height: 800 } });
});
