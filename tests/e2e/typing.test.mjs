// A learner takes tests with the real keyboard (trusted key events from Chromium's input pipeline).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serverAndBrowser, withPage, artifacts } from './harness.mjs';
import { targetWords, charClass, caret, typeWords, typeTimed, figure } from './page.mjs';

const ctx = serverAndBrowser();

test('a 10-word test with one mistake fixed by Backspace shows marks, then the results screen', async () => {
  await withPage(ctx.browser, 'words test', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await page.click('[data-testid=length-10]');
    const words = await targetWords(page);
    assert.equal(words.length, 10);
    assert.deepEqual(await caret(page), [0, 0]);

    const delay = 80; // about 150 WPM
    const started = Date.now();
    await typeWords(page, words.slice(0, 2), delay);
    await page.keyboard.press('Space', { delay });
    assert.match(await charClass(page, 0, 0), /\bcorrect\b/);
    assert.deepEqual(await caret(page), [2, 0]);

    // One mistake: a key that is not the expected one, then Backspace.
    const w = words[2];
    const wrong = w[0] === 'z' ? 'q' : 'z';
    await page.keyboard.type(wrong, { delay });
    assert.match(await charClass(page, 2, 0), /\bwrong\b/);
    assert.deepEqual(await caret(page), [2, 1]);
    await page.keyboard.press('Backspace', { delay });
    assert.doesNotMatch(await charClass(page, 2, 0), /\b(wrong|correct)\b/);
    assert.deepEqual(await caret(page), [2, 0]);

    await typeWords(page, words.slice(2), delay);
    const elapsedMs = Date.now() - started;
    await page.waitForSelector('[data-testid=results]');

    const chars = words.join(' ').length;
    const wpm = Number(await figure(page, 'wpm'));
    const raw = Number(await figure(page, 'raw'));
    // All words right: net counts every character and space, over the time from the first key to the
    // last (measured here from outside the page, so the margin is generous).
    const expected = chars / 5 / (elapsedMs / 60_000);
    assert.ok(wpm > expected * 0.7 && wpm < expected * 1.6, `wpm ${wpm}, expected about ${expected.toFixed(1)}`);
    assert.equal(raw, wpm, 'nothing wrong is left, so raw equals net');
    // Accuracy: chars + 1 typed keystrokes, chars of them right (the fixed mistake still counts).
    assert.equal(await figure(page, 'accuracy'), `${Math.round((chars / (chars + 1)) * 100)}%`);
    assert.equal(await figure(page, 'errors'), '1');
    const nonSpace = words.join('').length;
    assert.equal(await figure(page, 'chars'), `${chars}/0/0/0`, `${nonSpace} letters + ${words.length - 1} spaces`);
    const consistency = Number((await figure(page, 'consistency')).replace('%', ''));
    assert.ok(consistency > 0 && consistency <= 100, `consistency ${consistency}`);
    assert.ok((await page.$$('[data-testid=chart] polyline')).length === 1, 'the speed chart is drawn');
    assert.ok((await page.$$('[data-testid=chart] .error-mark')).length >= 1, 'the error is marked on the chart');
    assert.match(await page.textContent('[data-testid=missed]'), new RegExp(`${w[0]}\\s*×1`));
    assert.ok((await page.$$('[data-testid=slowest] kbd')).length >= 1);

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'words-result.png'), fullPage: true });
  });
});

test('a fixed typing script gives the figures worked out by hand', async () => {
  await withPage(ctx.browser, 'known figures', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await page.click('[data-testid=length-25]');
    // Ten right characters (spaces included) 100 ms apart: 10 / 5 = 2 words in 0.9 s = 133.3 WPM.
    const first = (await targetWords(page)).join(' ').slice(0, 10);
    await typeTimed(page, first, 100);
    await page.waitForFunction(() => document.querySelector('[data-testid=live-wpm]')?.textContent === '133');
    assert.equal(await page.textContent('[data-testid=live-accuracy]'), '100');
    // One wrong key: 10 right of 11 typed = 90.9 %.
    await typeTimed(page, '#', 100);
    await page.waitForFunction(() => document.querySelector('[data-testid=live-accuracy]')?.textContent === '91');
  });
});

test('a 15-second time test ends by itself and shows the figures worked out by hand', async () => {
  await withPage(ctx.browser, 'time test', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await page.click('[data-testid=mode-time]');
    await page.click('[data-testid=length-15]');
    assert.equal(await page.textContent('[data-testid=progress]'), '15');
    const words = await targetWords(page);
    const started = Date.now();
    // Ten right characters, then nothing: 10 / 5 = 2 words in 15 s = 8 WPM, raw 8, accuracy 100 %.
    await typeTimed(page, words.join(' ').slice(0, 10), 100);
    assert.equal(await page.$('[data-testid=results]'), null, 'still running');
    assert.notEqual(await page.textContent('[data-testid=live-wpm]'), '—');
    await page.waitForSelector('[data-testid=results]', { timeout: 20_000 });
    const tookMs = Date.now() - started;
    assert.ok(tookMs >= 14_000, `ended after ${tookMs} ms`);
    assert.equal(await figure(page, 'time'), '15.0 s');
    assert.equal(await figure(page, 'wpm'), '8');
    assert.equal(await figure(page, 'raw'), '8');
    assert.equal(await figure(page, 'accuracy'), '100%');
  });
});

test('Tab then Enter starts a new test; settings change the text', async () => {
  await withPage(ctx.browser, 'restart and settings', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    const first = await targetWords(page);
    await page.keyboard.type(first[0].slice(0, 2), { delay: 30 });
    assert.notDeepEqual(await caret(page), [0, 0]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.deepEqual(await caret(page), [0, 0]);
    const second = await targetWords(page);
    assert.notDeepEqual(second, first);

    await page.click('[data-testid=numbers]');
    await page.click('[data-testid=punctuation]');
    await page.click('[data-testid=length-100]');
    const words = await targetWords(page);
    assert.equal(words.length, 100);
    assert.ok(words.some((w) => /\d/.test(w)), 'numbers appear');
    assert.match(words[0], /^[A-Z0-9"(]/, 'a sentence starts with a capital');
    assert.match(words.at(-1), /[.?!]["')]?$/, 'and ends with a full stop');
    assert.match(page.url(), /\/test\?mode=words&n=100&punctuation=1&numbers=1$/, 'the link names the test');
  });
});

test('key rollover (the next key down before the last is up) types the same text', async () => {
  await withPage(ctx.browser, 'rollover', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await page.click('[data-testid=length-10]');
    const [first] = await targetWords(page);
    // Each key goes down before the previous one comes up, as fast typists do.
    let held = null;
    for (const c of first) {
      await page.keyboard.down(c);
      if (held) await page.keyboard.up(held);
      held = c;
    }
    await page.keyboard.up(held);
    for (let i = 0; i < first.length; i++) assert.match(await charClass(page, 0, i), /\bcorrect\b/, `char ${i}`);
    assert.deepEqual(await caret(page), [0, first.length]);
  });
});

test('stop on letter keeps the caret on a wrong key', async () => {
  await withPage(ctx.browser, 'stop on letter', async (page) => {
    await page.goto(`${ctx.server.url}/settings`);
    await page.click('[data-testid=error-stop-on-letter]');
    await page.click('[data-testid=tab-practice]');
    const words = await targetWords(page);
    await page.keyboard.type(words[0][0], { delay: 30 });
    await page.keyboard.type(words[0][1] === 'z' ? 'q' : 'z', { delay: 30 });
    assert.deepEqual(await caret(page), [0, 1]);
  });
});

test('an unknown path shows the not-found page with a way home; an unknown API path answers JSON 404', async () => {
  await withPage(ctx.browser, 'routing', async (page) => {
    const res = await page.goto(`${ctx.server.url}/learn/some-lesson`);
    assert.equal(res.status(), 200, 'every page path gets the app');
    await page.waitForSelector('[data-testid=not-found]');
    await page.click('[data-testid=go-home]');
    await page.waitForSelector('[data-testid=home]');
    assert.equal(new URL(page.url()).pathname, '/');
    const file = await page.request.get(`${ctx.server.url}/no-such-file.js`);
    assert.equal(file.status(), 404, 'a missing file is not the app');
    const api = await page.request.get(`${ctx.server.url}/api/nope`);
    assert.equal(api.status(), 404);
    assert.equal((await api.json()).error.code, 'not_found');
    const health = await (await page.request.get(`${ctx.server.url}/api/health`)).json();
    assert.equal(health.status, 'ok');
    assert.equal(health.database.backend, 'sqlite');
  });
});
