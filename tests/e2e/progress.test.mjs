// The progress page in a real browser: time practised, the speed and accuracy charts with their tables
// and filters, the calendar with the streak, the keys behind the speed, the forecast, and a session played
// back (at 2×, paused, scrubbed) — over two local days set by Playwright's clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, withPage } from './harness.mjs';
import { finishTest, saved, targetWords, typeWords } from './page.mjs';

const ctx = serverAndBrowser();
const count = (page, selector) => page.$$eval(selector, (els) => els.length);

test('progress: totals, charts and tables, filters, calendar, keys, forecast and a replay', async () => {
  await withPage(ctx.browser, 'progress page', async (page) => {
    await page.clock.setFixedTime(new Date('2026-03-02T10:00:00Z'));
    await page.goto(`${ctx.server.url}/test`);
    await finishTest(page, 80, 25);
    await saved(page);
    // Two days later, a session with a mistake corrected (a confusion: x typed for the first letter).
    await page.clock.setFixedTime(new Date('2026-03-04T10:00:00Z'));
    await page.reload();
    await page.click('[data-testid=length-25]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=text] .word').length === 25);
    const words = await targetWords(page);
    const typo = words[0][0] === 'x' ? 'z' : 'x';
    await page.keyboard.press(`Key${typo.toUpperCase()}`);
    await page.keyboard.press('Backspace');
    await typeWords(page, words, 80);
    await page.waitForSelector('[data-testid=results]');
    await saved(page);

    await page.click('[data-testid=tab-progress]');
    await page.waitForSelector('[data-testid=trend-wpm]');
    assert.match(await page.textContent('[data-testid=time-today]'), /under a minute/);
    assert.match(await page.textContent('[data-testid=streak-figures] dd'), /^1 now · longest 1/, 'a missed day with no freeze');
    const dots = await page.getAttribute('[data-testid=trend-wpm] path.dots', 'd');
    assert.equal(dots.match(/M/g).length, 2, 'one dot a session');
    assert.ok(await page.$('[data-testid=trend-accuracy] polyline.avg'));
    assert.ok((await count(page, '[data-testid=trend-wpm] text.tick')) >= 3, 'axes are labelled');
    await page.click('[data-testid=trend-wpm-toggle]');
    assert.equal(await count(page, '[data-testid=trend-wpm-table] tbody tr'), 2);
    assert.equal(await page.getAttribute('[data-testid=trend-wpm-toggle]', 'aria-expanded'), 'true');

    await page.click('[data-testid=kinds-lessons]');
    await page.waitForSelector('[data-testid=trend-empty]');
    await page.click('[data-testid=kinds-tests]');
    await page.waitForSelector('[data-testid=trend-wpm] path.dots');
    await page.click('[data-testid=period-week]');
    assert.equal((await page.getAttribute('[data-testid=trend-wpm] path.dots', 'd')).match(/M/g).length, 2);

    assert.equal(await count(page, '[data-testid=calendar] rect.day.shade-1'), 2, 'two days of practice');
    assert.equal(await count(page, '[data-testid=calendar] rect.day.streak'), 1);
    assert.match(await page.textContent('[data-testid=calendar-summary]'), /last year: 2;/);
    assert.ok((await count(page, '[data-testid=progress-heatmap] .key.heat')) > 0, 'the heatmap is drawn');
    await page.click('[data-testid=heat-accuracy]');
    assert.equal(await page.getAttribute('[data-testid=heat-accuracy]', 'aria-pressed'), 'true');
    assert.ok((await count(page, '[data-testid=fingers] tbody tr')) >= 4);
    assert.match(await page.textContent('[data-testid=confusions]'), new RegExp(`you press ${typo} for ${words[0][0]}`));
    assert.match(await page.textContent('[data-testid=forecast-goal]'), /at least 8 sessions/);

    // The newest session played back at 2× to its end, then scrubbed back to the start.
    await page.click('[data-testid=replay-session] >> nth=0');
    await page.waitForSelector('[data-testid=replay] .ch.correct');
    await page.click('[data-testid=replay-fast]');
    await page.waitForFunction(() => document.querySelector('[data-testid=replay-play]').getAttribute('aria-pressed') === 'false', null, { timeout: 20_000 });
    const [at, total] = (await page.textContent('[data-testid=replay-time]')).split(' / ');
    assert.equal(at, total, 'played to the end');
    assert.ok((await count(page, '[data-testid=replay] .ch.correct')) > 20);
    await page.$eval('[data-testid=replay-scrub]', (el) => { el.value = '0'; el.dispatchEvent(new Event('input', { bubbles: true })); });
    assert.match(await page.textContent('[data-testid=replay-time]'), /^0:00 \//);
    assert.ok((await count(page, '[data-testid=replay] .ch.correct')) <= 1, 'back at the start');
    await page.click('[data-testid=replay-play]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=replay] .ch.correct').length >= 3);
    await page.click('[data-testid=replay-close]');
    assert.equal(await page.$('[data-testid=replay]'), null);
  }, { timezoneId: 'Europe/Moscow' });
});
