// Spaced review: a test with mistakes brings its mistyped words and keys into review; two days later
// (Playwright's clock) they are due, home says how many, a review session practises them, and its
// results say when each comes back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, withPage } from './harness.mjs';
import { targetWords, typeWords, saved } from './page.mjs';

const ctx = serverAndBrowser();

/** Types `words`, pressing a wrong letter and Backspace before the first letter of each of the first `wrong`. */
async function typeWithMistakes(page, words, wrong) {
  for (const [i, w] of words.entries()) {
    if (i < wrong) {
      await page.keyboard.type(w[0] === 'q' ? 'z' : 'q', { delay: 40 });
      await page.keyboard.press('Backspace', { delay: 40 });
    }
    await page.keyboard.type(w, { delay: 40 });
    if (i + 1 < words.length) await page.keyboard.press('Space', { delay: 40 });
  }
}

test('mistyped words come back when due, are reviewed, and say when they come back next', async () => {
  await withPage(ctx.browser, 'review', async (page) => {
    await page.clock.setFixedTime(new Date('2026-03-02T10:00:00Z'));
    await page.goto(`${ctx.server.url}/review`);
    await page.waitForSelector('[data-testid=review-due]');
    assert.match(await page.textContent('[data-testid=review-due]'), /Nothing to review yet/);
    assert.ok(await page.isDisabled('[data-testid=review-start]'));

    // A test of 25 words, the first eight mistyped (fixed with Backspace).
    await page.click('[data-testid=tab-practice]');
    await page.click('[data-testid=mode-words]');
    await page.click('[data-testid=length-25]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=text] .word').length === 25);
    const words = await targetWords(page);
    await typeWithMistakes(page, words, 8);
    await page.waitForSelector('[data-testid=results]');
    await saved(page);
    const mistyped = [...new Set(words.slice(0, 8).filter((w) => w.length >= 2 && /^\p{L}+$/u.test(w)).map((w) => w.toLowerCase()))];
    assert.ok(mistyped.length > 0, `some of ${words.slice(0, 8)} are words to review`);

    // In review, not due yet.
    await page.goto(`${ctx.server.url}/review`);
    await page.waitForSelector('[data-testid=review-words]');
    const listed = await page.textContent('[data-testid=review-words]');
    for (const w of mistyped) assert.ok(listed.includes(w), `${w} in ${listed}`);
    assert.match(await page.textContent('[data-testid=review-due]'), /Nothing is due now\. The next one comes back (later today|tomorrow)/);
    assert.ok(await page.isDisabled('[data-testid=review-start]'));

    // Two days later: due, and home says so.
    await page.clock.setFixedTime(new Date('2026-03-04T10:00:00Z'));
    await page.goto(`${ctx.server.url}/`);
    await page.waitForSelector('[data-testid=home-review]');
    const dueToday = Number((await page.textContent('[data-testid=home-review]')).match(/(\d+) due today/)[1]);
    assert.ok(dueToday >= mistyped.length, `${dueToday} due today`);
    await page.click('[data-testid=home-review] a');
    await page.waitForSelector('[data-testid=review-start]:not([disabled])');
    assert.match(await page.textContent('[data-testid=review-due]'), /Due now: \d+/);
    assert.match(await page.textContent('[data-testid=review-words]'), /due now/);

    // The review session's text has the mistyped words; typed right, each comes back days later.
    await page.click('[data-testid=review-start]');
    const text = await targetWords(page);
    for (const w of mistyped) assert.ok(text.includes(w), `${w} in the review text ${text}`);
    await typeWords(page, text, 40);
    await page.waitForSelector('[data-testid=results]');
    await page.waitForSelector('[data-testid=review-after]');
    // Lines by when they come back: "in 4 days: about begin …".
    const after = await page.$$eval('[data-testid=review-after] li', (ls) => ls.map((l) =>
      ({ when: l.querySelector('.when').textContent, items: [...l.querySelectorAll('kbd')].map((k) => k.textContent) })));
    for (const w of mistyped) {
      const line = after.find((l) => l.items.includes(w));
      assert.ok(line, `${w} in ${JSON.stringify(after)}`);
      assert.match(line.when, /^(tomorrow|in \d+ days?):$/, line.when);
    }
    await saved(page);
    // The session is in the history as a review.
    await page.click('[data-testid=tab-progress]');
    await page.waitForSelector('[data-testid=history-row]');
    assert.match(await page.textContent('[data-testid=history-row]'), /review/);
  }, { timezoneId: 'UTC' });
});
