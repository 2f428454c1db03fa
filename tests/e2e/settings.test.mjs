// Settings survive a reload (LocalStorage mirror and the log), a corrupt stored value never breaks the
// page, older versions' stored settings still load, and the settings page changes things at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, withPage } from './harness.mjs';
import { targetWords } from './page.mjs';

const ctx = serverAndBrowser();

/** Whether a checkbox or radio is checked, once the page (a lazy module) has arrived. */
const checked = async (page, id) => {
  await page.waitForSelector(`[data-testid=${id}]`, { state: 'attached' });
  return page.$eval(`[data-testid=${id}]`, (i) => i.checked);
};

test('layout, input mode, test length and error mode are kept across a reload', async () => {
  await withPage(ctx.browser, 'settings kept', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await page.selectOption('[data-testid=layout]', { label: 'Русская · ЙЦУКЕН' });
    await page.selectOption('[data-testid=input-mode]', 'emulate');
    await page.click('[data-testid=length-50]');
    await page.goto(`${ctx.server.url}/settings`);
    await page.click('[data-testid=error-stop-on-word]');
    await page.goto(`${ctx.server.url}/test`);
    const words = await targetWords(page);
    assert.equal(words.length, 50, 'the test page opens with the last test chosen');
    assert.match(words.join(' '), /^[а-яё ]+$/, 'Russian words again');
    assert.equal(await page.$eval('[data-testid=layout] option:checked', (o) => o.textContent), 'Русская · ЙЦУКЕН');
    assert.equal(await page.$eval('[data-testid=input-mode]', (s) => s.value), 'emulate');
    await page.goto(`${ctx.server.url}/settings`);
    assert.equal(await checked(page, 'error-stop-on-word'), true);
    assert.equal(await checked(page, 'settings-input-emulate'), true);
  });
});

test('a corrupt or unknown stored value falls back to its default and the rest still load', async () => {
  await withPage(ctx.browser, 'settings corrupt', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await targetWords(page);
    await page.evaluate(() => localStorage.setItem('klava.settings', JSON.stringify({
      layout: 'dvorak', theme: 'plaid', test: { mode: { Words: 999 }, punctuation: false, numbers: false },
      target_wpm: -3, heatmap: 'Speed', language: 'xx', from_the_future: true,
    })));
    await page.reload();
    const words = await targetWords(page);
    assert.equal(words.length, 25, 'an unoffered length is not restored');
    assert.equal(await page.$eval('[data-testid=layout] option:checked', (o) => o.textContent), 'English · Dvorak');
    assert.equal(await page.$eval('[data-testid=heatmap]', (s) => s.value), 'speed', 'the heatmap choice shows what is drawn');
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'an unknown language code falls back to English');
    await page.goto(`${ctx.server.url}/settings`);
    assert.equal(await checked(page, 'theme-system'), true);
    assert.equal(await page.$eval('[data-testid=settings-target]', (i) => i.value), '40');
    await page.evaluate(() => localStorage.setItem('klava.settings', '{"layout": 7, broken'));
    await page.reload();
    await page.waitForSelector('[data-testid=settings-layout]');
    assert.equal(await page.$eval('[data-testid=settings-layout] option:checked', (o) => o.textContent), 'English (US) · QWERTY');
  });
});

test('settings stored by an older version (one object per group) still load, field by field', async () => {
  await withPage(ctx.browser, 'settings legacy', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await targetWords(page);
    await page.evaluate(() => {
      localStorage.clear();
      localStorage.setItem('klava.keyboard', JSON.stringify({
        layout: 'ru', input: 'Emulate', show_keyboard: true, finger_colours: false, heatmap: 'Sideways',
      }));
      localStorage.setItem('klava.test', JSON.stringify({ mode: { Time: 60 }, punctuation: false, numbers: false, error_mode: 'NoBackspace' }));
    });
    await page.goto(`${ctx.server.url}/test`);
    assert.match((await targetWords(page)).join(' '), /^[а-яё ]+$/);
    assert.equal(await page.textContent('[data-testid=progress]'), '60');
    assert.equal(await page.$eval('[data-testid=finger-colours]', (i) => i.checked), false);
    assert.equal(await page.$eval('[data-testid=heatmap]', (s) => s.value), 'off', 'the one bad field keeps its default');
    await page.goto(`${ctx.server.url}/settings`);
    assert.equal(await checked(page, 'error-no-backspace'), true);
    assert.equal(await page.evaluate(() => localStorage.getItem('klava.keyboard')), null, 'replaced by the new mirror');
  });
});

test('the settings page applies a change at once: theme, text size, motion', async () => {
  await withPage(ctx.browser, 'settings page', async (page) => {
    await page.goto(`${ctx.server.url}/settings`);
    await page.click('[data-testid=theme-dark]');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    await page.click('[data-testid=theme-contrast]');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'hc');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(0, 0, 0)');
    await page.click('[data-testid=theme-light]');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
    const typingSize = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--typing-size').trim());
    const logged = () => page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('klava');
      open.onsuccess = () => {
        const all = open.result.transaction('records').objectStore('records').getAll();
        all.onsuccess = () => { resolve(all.result.filter((r) => r.json.includes('"font_size"')).length); open.result.close(); };
      };
    }));
    for (const v of ['30', '36', '40']) {
      await page.$eval('[data-testid=settings-size]', (r, v) => { r.value = v; r.dispatchEvent(new Event('input', { bubbles: true })); }, v);
    }
    assert.equal(await typingSize(), '40px', 'shown while dragging');
    await page.$eval('[data-testid=settings-size]', (r) => r.dispatchEvent(new Event('change', { bubbles: true })));
    await page.waitForFunction(() => localStorage.getItem('klava.outbox') === null);
    assert.equal(await logged(), 1, 'one record for the size let go, not one per step');
    await page.click('[data-testid=settings-reduce-motion]');
    assert.equal(await page.getAttribute('html', 'data-motion'), 'reduce');
    await page.click('[data-testid=font-readable]');
    assert.equal(await page.getAttribute('html', 'data-font'), 'readable');
    await page.reload();
    await page.waitForSelector('[data-testid=settings-size]');
    assert.equal(await page.getAttribute('html', 'data-motion'), 'reduce', 'kept across a reload');
    assert.equal(await page.$eval('[data-testid=settings-size]', (r) => r.value), '40');
  });
});

test('the default theme follows the system, before and after the app loads', async () => {
  await withPage(ctx.browser, 'settings system theme', async (page) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${ctx.server.url}/`);
    await page.waitForSelector('[data-testid=home]');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  });
});
