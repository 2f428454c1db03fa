// Settings survive a reload (LocalStorage mirror), and a corrupt stored value never breaks the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, withPage } from './harness.mjs';
import { targetWords } from './page.mjs';

const ctx = serverAndBrowser();

test('layout, input mode and test settings are kept across a reload', async () => {
  await withPage(ctx.browser, 'settings kept', async (page) => {
    await page.goto(ctx.server.url);
    await page.selectOption('[data-testid=layout]', { label: 'Русская · ЙЦУКЕН' });
    await page.selectOption('[data-testid=input-mode]', 'emulate');
    await page.click('[data-testid=length-50]');
    await page.click('[data-testid=error-stop-on-word]');
    await page.reload();
    const words = await targetWords(page);
    assert.equal(words.length, 50);
    assert.match(words.join(' '), /^[а-яё ]+$/, 'Russian words again');
    assert.equal(await page.$eval('[data-testid=layout] option:checked', (o) => o.textContent), 'Русская · ЙЦУКЕН');
    assert.equal(await page.$eval('[data-testid=input-mode]', (s) => s.value), 'emulate');
    assert.match(await page.getAttribute('[data-testid=error-stop-on-word]', 'class'), /\bactive\b/);
  });
});

test('corrupt or unknown stored settings fall back to the defaults', async () => {
  await withPage(ctx.browser, 'settings corrupt', async (page) => {
    await page.goto(ctx.server.url);
    await page.evaluate(() => {
      localStorage.setItem('klava.keyboard', '{"layout": 7, broken');
      localStorage.setItem('klava.test', JSON.stringify({ mode: { Words: 999 }, punctuation: false, numbers: false, error_mode: 'Free' }));
    });
    await page.reload();
    const words = await targetWords(page);
    assert.equal(words.length, 25, 'an unoffered length is not restored');
    assert.equal(await page.$eval('[data-testid=layout] option:checked', (o) => o.textContent), 'English (US) · QWERTY');
    await page.evaluate(() => localStorage.setItem('klava.keyboard', JSON.stringify({
      layout: 'no-such-layout', input: 'Os', show_keyboard: true, finger_colours: true, heatmap: 'Off',
    })));
    await page.reload();
    assert.equal(await page.$eval('[data-testid=layout] option:checked', (o) => o.textContent), 'English (US) · QWERTY');
  });
});
