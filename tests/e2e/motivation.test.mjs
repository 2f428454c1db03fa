// Motivation in a real browser: XP on the results screen, the first achievement toasted, the level in the
// header, and a streak counted in the learner's local days (the page's clock set by Playwright) — across
// daylight-saving changes, and with older sessions from another device arriving later.
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

/** Finishes a 25-word test (about 8 s of typing, enough to count as practice) at each of the times. */
async function sessionsAt(page, times) {
  for (const at of times) {
    await page.clock.setFixedTime(new Date(at));
    await page.goto(`${ctx.server.url}/test`);
    await finishTest(page, 50, 25);
    await saved(page);
  }
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

test('the streak counts local days across both daylight-saving changes in Berlin', async () => {
  await withPage(ctx.browser, 'motivation dst', async (page) => {
    // 28 March 13:00 CET; 29 March 23:30 CEST (clocks went forward that night); 30 March 00:30 CEST, an
    // hour later in UTC but the next local day. A fixed offset taken from the first session would put the
    // last two on the same day.
    await sessionsAt(page, ['2026-03-28T12:00:00Z', '2026-03-29T21:30:00Z', '2026-03-29T22:30:00Z']);
    await page.click('[data-testid=tab-home]');
    await textBecomes(page, '[data-testid=streak]', /3 in a row/);
    // 24 October 23:00 CEST, then 25 October 23:30 CET (clocks went back that night, a 25-hour day).
    await sessionsAt(page, ['2026-10-24T21:00:00Z', '2026-10-25T22:30:00Z']);
    await page.click('[data-testid=tab-home]');
    await textBecomes(page, '[data-testid=streak]', /2 in a row/);
    await page.click('[data-testid=tab-progress]');
    await page.waitForSelector('[data-testid=calendar]');
    for (const date of ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25']) {
      const day = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
      const shade = await page.getAttribute(`[data-testid=calendar] [data-day="${day}"]`, 'class');
      assert.doesNotMatch(shade, /shade-0/, `${date} shaded as practised`);
    }
  }, { timezoneId: 'Europe/Berlin' });
});

test('sessions from another device that arrive later and older fill the streak in', async () => {
  // Another device practised on 1 and 2 March; its backup is what arrives (older sessions, later).
  let file;
  await withPage(ctx.browser, 'motivation other device', async (page) => {
    await sessionsAt(page, ['2026-03-01T09:00:00Z', '2026-03-02T09:00:00Z']);
    await page.click('[data-testid=tab-data]');
    const download = page.waitForEvent('download');
    await page.click('[data-testid=export]');
    file = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString();
  }, { timezoneId: 'Europe/Moscow' });
  await withPage(ctx.browser, 'motivation this device', async (page) => {
    await sessionsAt(page, ['2026-03-03T09:00:00Z', '2026-03-04T09:00:00Z']);
    await page.click('[data-testid=tab-home]');
    await textBecomes(page, '[data-testid=streak]', /2 in a row/);
    await page.click('[data-testid=tab-data]');
    await page.setInputFiles('[data-testid=import-file]', { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.waitForSelector('[data-testid=import-done]');
    await page.click('[data-testid=tab-home]');
    await textBecomes(page, '[data-testid=streak]', /4 in a row/);
    // The same records again change nothing.
    await page.click('[data-testid=tab-data]');
    await page.setInputFiles('[data-testid=import-file]', { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.waitForSelector('[data-testid=import-done]');
    await page.click('[data-testid=tab-home]');
    await textBecomes(page, '[data-testid=streak]', /4 in a row/);
  }, { timezoneId: 'Europe/Moscow' });
});
