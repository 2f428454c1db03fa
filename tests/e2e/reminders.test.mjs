// Reminders and the daily goal: the calendar file Settings offers, the note in the app after the chosen
// time while the goal is not met (put away until tomorrow), and the goal ring on home (the page's clock
// set by Playwright, in Moscow).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, withPage } from './harness.mjs';
import { finishTest, saved } from './page.mjs';

const ctx = serverAndBrowser();

test('a daily reminder as a calendar file, at the time chosen', async () => {
  await withPage(ctx.browser, 'reminder file', async (page) => {
    await page.clock.setFixedTime(new Date('2026-03-02T09:00:00Z'));
    await page.goto(`${ctx.server.url}/settings`);
    await page.fill('[data-testid=settings-reminder-at]', '07:45');
    await page.dispatchEvent('[data-testid=settings-reminder-at]', 'change');
    const download = page.waitForEvent('download');
    await page.click('[data-testid=reminder-ics]');
    const d = await download;
    assert.equal(d.suggestedFilename(), 'klava-reminder.ics');
    const ics = Buffer.concat(await (await d.createReadStream()).toArray()).toString();
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics, /\r\nDTSTART:20260302T074500\r\n/, 'from today, at the local time chosen');
    assert.match(ics, /\r\nRRULE:FREQ=DAILY\r\n/);
    assert.match(ics, /\r\nSUMMARY:Typing practice with Klava\r\n/);
    assert.match(ics, new RegExp(`\\r\\nURL:${ctx.server.url}\\r\\n`));
    // The time is kept.
    await page.reload();
    assert.equal(await page.inputValue('[data-testid=settings-reminder-at]'), '07:45');
  }, { timezoneId: 'Europe/Moscow' });
});

test('after the reminder time the app notes the goal is not met, until it is or the note is put away', async () => {
  await withPage(ctx.browser, 'reminder note', async (page) => {
    // 18:00 in Moscow; the reminder is at 19:00 (the default) once turned on.
    await page.clock.setFixedTime(new Date('2026-03-02T15:00:00Z'));
    await page.goto(`${ctx.server.url}/settings`);
    await page.check('[data-testid=settings-reminder]');
    // A goal of 10 XP, which one test of 25 words meets.
    await page.selectOption('[data-testid=settings-goal-unit]', 'xp');
    await page.fill('[data-testid=settings-goal]', '10');
    await page.dispatchEvent('[data-testid=settings-goal]', 'change');
    await page.click('[data-testid=tab-home]');
    await page.waitForSelector('[data-testid=goal-ring]');
    assert.equal(await page.getAttribute('[data-testid=goal-ring]', 'aria-valuenow'), '0');
    assert.match(await page.textContent('[data-testid=today]'), /0 of 10 XP/);
    assert.equal(await page.$('[data-testid=goal-nudge]'), null, 'not before the time');

    // 19:30: the note.
    await page.clock.setFixedTime(new Date('2026-03-02T16:30:00Z'));
    await page.reload();
    await page.waitForSelector('[data-testid=goal-nudge]');
    assert.match(await page.textContent('[data-testid=goal-nudge]'), /Today so far: 0 of 10 XP/);
    // Put away: gone, and still gone after a reload the same day.
    await page.click('[data-testid=nudge-dismiss]');
    assert.equal(await page.$('[data-testid=goal-nudge]'), null);
    await page.reload();
    await page.waitForSelector('[data-testid=goal-ring]');
    assert.equal(await page.$('[data-testid=goal-nudge]'), null);

    // The next evening it is back; a test that meets the goal takes it away and fills the ring.
    await page.clock.setFixedTime(new Date('2026-03-03T16:30:00Z'));
    await page.reload();
    await page.waitForSelector('[data-testid=goal-nudge]');
    await page.click('[data-testid=tab-practice]');
    await finishTest(page, 50, 25);
    await saved(page);
    await page.click('[data-testid=tab-home]');
    await page.waitForFunction(() => document.querySelector('[data-testid=goal-ring]')?.getAttribute('aria-valuenow') === '100');
    assert.equal(await page.$('[data-testid=goal-nudge]'), null);
  }, { timezoneId: 'Europe/Moscow' });
});
