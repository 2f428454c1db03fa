// Layouts in a real browser: emulating ЙЦУКЕН on US key codes, the wrong-layout hint, the on-screen
// keyboard's highlights and heatmap, and screenshots of the keyboard for US QWERTY and ЙЦУКЕН.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serverAndBrowser, withPage, artifacts } from './harness.mjs';
import { targetWords, charClass, caret, typeWords, keysOf } from './page.mjs';

const ctx = serverAndBrowser();

async function chooseLayout(page, name) {
  await page.selectOption('[data-testid=layout]', { label: name });
}

test('emulating ЙЦУКЕН types Russian while the browser sends US key codes', async () => {
  await withPage(ctx.browser, 'emulate jcuken', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await chooseLayout(page, 'Русская · ЙЦУКЕН');
    await page.selectOption('[data-testid=input-mode]', 'emulate');
    const words = await targetWords(page);
    assert.match(words.join(' '), /^[а-яё ]+$/, 'a Russian layout brings Russian words');
    const phrase = words.slice(0, 4).join(' ');
    const ru = keysOf('ru.txt');
    for (const ch of phrase) {
      const [code, shift] = ru.get(ch) ?? assert.fail(`no key for ${ch}`);
      // Playwright presses the physical key: with a US OS layout the event's key is Latin (or ';' …).
      await page.keyboard.press(shift ? `Shift+${code}` : code, { delay: 20 });
    }
    for (const [w, word] of words.slice(0, 4).entries()) {
      for (let i = 0; i < word.length; i++) assert.match(await charClass(page, w, i), /\bcorrect\b/, `${word}[${i}]`);
    }
    assert.deepEqual(await caret(page), [3, words[3].length]);
    assert.equal(await page.$('[data-testid=wrong-layout]'), null);
  });
});

test('a Ukrainian layout brings Ukrainian words it can type, punctuation too; a list that cannot load says so and is tried again', async () => {
  // Service workers are blocked so the route sees the word list's request.
  await withPage(ctx.browser, 'ukrainian words', async (page) => {
    let down = true;
    await page.route('**/lessons/uk/words-1000.txt', (route) => (down ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
    await page.goto(`${ctx.server.url}/test`);
    await page.waitForSelector('[data-testid=text] .word');
    await chooseLayout(page, 'Українська · ЙЦУКЕН');
    await page.waitForSelector('[data-testid=words-error]');
    assert.match(await page.textContent('[data-testid=words-error]'), /could not be loaded \(HTTP 503\)/);
    assert.equal(await page.$('[data-testid=text]'), null, 'no text in another language meanwhile');
    down = false;
    await page.click('[data-testid=words-retry]');
    await page.click('[data-testid=punctuation]');
    const words = await targetWords(page);
    const text = words.join(' ');
    assert.match(text, /^[\p{Script=Cyrillic}0-9 .,?!"()]+$/u, text);
    assert.doesNotMatch(text, /[ыэъё]/, 'Ukrainian, not Russian');
    // Every character of the text has a key on the layout.
    const uk = keysOf('uk-ua.txt');
    const missing = [...new Set(text)].filter((c) => !uk.has(c));
    assert.deepEqual(missing, [], `characters without a key: ${missing.join(' ')}`);
  }, { serviceWorkers: 'block' });
});

test('Latin letters on a Russian text say the OS layout looks wrong and offer emulation', async () => {
  await withPage(ctx.browser, 'wrong layout', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await chooseLayout(page, 'Русская · ЙЦУКЕН');
    // The keys of the Russian text pressed with a US OS layout: Chromium reports Latin characters.
    const ru = keysOf('ru.txt');
    const phrase = (await targetWords(page)).join(' ').slice(0, 10);
    for (const ch of phrase) {
      const [code, shift] = ru.get(ch);
      await page.keyboard.press(shift ? `Shift+${code}` : code, { delay: 20 });
    }
    await page.waitForSelector('[data-testid=wrong-layout]');
    await page.click('[data-testid=use-emulation]');
    assert.equal(await page.$eval('[data-testid=input-mode]', (s) => s.value), 'emulate');
    assert.equal(await page.$('[data-testid=wrong-layout]'), null);
  });
});

test('the keyboard shows the next key, the Shift to hold, and flashes a wrong key', async () => {
  await withPage(ctx.browser, 'keyboard highlights', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await page.click('[data-testid=punctuation]');
    const words = await targetWords(page);
    const us = keysOf('us.txt');
    const [code, shift] = us.get(words[0][0]);
    assert.equal(await page.$eval('.ring.next:not(.off)', (k) => k.dataset.code), code);
    // The first word of a sentence has a capital: hold the Shift of the other hand.
    assert.equal(shift, true);
    const left = ['KeyQ', 'KeyW', 'KeyE', 'KeyR', 'KeyT', 'KeyA', 'KeyS', 'KeyD', 'KeyF', 'KeyG', 'KeyZ', 'KeyX', 'KeyC', 'KeyV', 'KeyB'];
    assert.equal(await page.$eval('.ring.next-shift', (k) => k.dataset.code), left.includes(code) ? 'ShiftRight' : 'ShiftLeft');
    // Each ring is drawn over its key, in every row and at every width (the keyboard scales with the page).
    const ringOverKey = () => page.$$eval('.ring:not(.off)', (rings) => rings.map((r) => {
      const [a, b] = [r.getBoundingClientRect(), document.querySelector(`.key[data-code=${r.dataset.code}]`).getBoundingClientRect()];
      return [r.dataset.code, Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y), Math.abs(a.width - b.width), Math.abs(a.height - b.height))];
    }));
    const offBy = async () => (await ringOverKey()).filter(([, d]) => d > 1);
    assert.equal((await ringOverKey()).length, 2);
    assert.deepEqual(await offBy(), []);
    for (const c of `${words[0]} ${words[1]}`) {
      await page.keyboard.type(c, { delay: 10 });
      assert.deepEqual(await offBy(), [], `after '${c}'`);
    }
    await page.setViewportSize({ width: 390, height: 800 });
    assert.deepEqual(await offBy(), [], 'at phone width');
    await page.setViewportSize({ width: 1280, height: 720 });
    assert.ok(await page.$('[data-testid=hands] .finger.active'));
    mkdirSync(artifacts, { recursive: true });
    await page.$eval('[data-testid=keyboard]', (k) => k.scrollIntoView());
    await (await page.$('.keyboard-area')).screenshot({ path: join(artifacts, 'keyboard-us.png') });

    const wrong = words[2][0].toLowerCase() === 'q' ? 'KeyP' : 'KeyQ';
    await page.keyboard.press(wrong);
    assert.equal(await page.$eval('.key.flash', (k) => k.dataset.code), wrong);
    await page.waitForFunction(() => !document.querySelector('.key.flash'));

    await chooseLayout(page, 'Русская · ЙЦУКЕН');
    await page.waitForFunction(() => document.querySelector('[data-code=KeyQ] .main')?.textContent === 'Й');
    await (await page.$('.keyboard-area')).screenshot({ path: join(artifacts, 'keyboard-ru.png') });
  });
});

test('after a test the heatmap tints the keys that were typed, and the tint stays while typing', async () => {
  await withPage(ctx.browser, 'heatmap', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    assert.equal((await page.$$('.key.heat')).length, 0);
    await typeWords(page, await targetWords(page), 15);
    await page.waitForSelector('[data-testid=results]');
    // Accuracy: every key typed five times is drawn (speed needs keys timed, which fast typing is not).
    await page.selectOption('[data-testid=heatmap]', 'accuracy');
    await page.waitForSelector('.key.heat');
    const tinted = () => page.$$eval('.key.heat', (ks) => ks.map((k) => `${k.dataset.code}:${k.style.getPropertyValue('--heat-v')}`).sort());
    const before = await tinted();
    assert.ok(before.length >= 3, `keys typed five times or more are tinted: ${before}`);
    assert.ok(await page.isVisible('[data-testid=heat-legend]'));
    await page.click('[data-testid=restart]');
    const words = await targetWords(page);
    for (const c of words.slice(0, 3).join(' ')) {
      await page.keyboard.type(c, { delay: 10 });
      assert.deepEqual(await tinted(), before, `the tint stays while '${c}' is the next key and after`);
    }
    await page.click('[data-testid=finger-colours]');
    assert.deepEqual(await tinted(), before, 'and when finger colours are turned off');
    await page.click('[data-testid=finger-colours]');
    assert.deepEqual(await tinted(), before, 'and on again');
    await page.reload();
    await page.waitForSelector('.key.heat');
    assert.equal(await page.$eval('[data-testid=heatmap]', (s) => s.value), 'accuracy', 'the menu shows what is drawn');
    await page.selectOption('[data-testid=heatmap]', 'off');
    assert.equal((await page.$$('.key.heat')).length, 0);
  });
});

test('text committed without key events (input method, soft keyboard) is typed', async () => {
  await withPage(ctx.browser, 'committed text', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await chooseLayout(page, 'Русская · ЙЦУКЕН');
    const words = await targetWords(page);
    await page.focus('[data-testid=input-sink]');
    await page.keyboard.insertText(words[0]);
    for (let i = 0; i < words[0].length; i++) assert.match(await charClass(page, 0, i), /\bcorrect\b/, `${words[0]}[${i}]`);
    assert.deepEqual(await caret(page), [0, words[0].length]);
    assert.equal(await page.$eval('[data-testid=input-sink]', (i) => i.value), '', 'nothing piles up in the input');
  });
});

test('a hint shows while Caps Lock is on', async () => {
  await withPage(ctx.browser, 'caps lock', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await targetWords(page);
    // Playwright cannot set the OS Caps Lock state; a key event carrying it exercises the same check.
    const press = (caps) =>
      page.evaluate((caps) => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift', modifierCapsLock: caps })), caps);
    await press(true);
    await page.waitForSelector('[data-testid=caps-lock]');
    await press(false);
    await page.waitForFunction(() => !document.querySelector('[data-testid=caps-lock]'));
  });
});
