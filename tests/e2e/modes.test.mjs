// Test modes beyond words and time: quotes (English, and Russian on emulated ЙЦУКЕН), the learner's own
// text with its bad-input messages, zen, and Monkeytype's rule for the end of a words test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, withPage } from './harness.mjs';
import { targetWords, typeWords, keysOf, historyRows, saved } from './page.mjs';

const ctx = serverAndBrowser();

/** Waits until the text on the page is a quote of at most `max` characters (a new choice restarts the
 * test a moment after the click). */
const quoteUpTo = (page, max) =>
  page.waitForFunction((n) => {
    const words = [...document.querySelectorAll('[data-testid=text] .word')];
    const text = words.map((w) => [...w.querySelectorAll('.ch:not(.extra)')].map((c) => c.textContent).join('')).join(' ');
    return text.length > 0 && text.length <= n && document.querySelector('[data-testid=quote-source]');
  }, max);

/** Types `text` by pressing the physical keys of `layoutFile` (for emulated layouts). */
async function pressText(page, text, layoutFile) {
  const keys = keysOf(layoutFile);
  for (const ch of text) {
    const [code, shift] = keys.get(ch) ?? assert.fail(`no key for ${JSON.stringify(ch)}`);
    await page.keyboard.press(shift ? `Shift+${code}` : code, { delay: 5 });
  }
}

test('a short English quote is typed to its end, its author and work shown, and the session kept', async () => {
  await withPage(ctx.browser, 'quote en', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await page.click('[data-testid=mode-quote]');
    await page.click('[data-testid=quote-short]');
    assert.match(page.url(), /mode=quote&length=short/);
    assert.equal(await page.$('[data-testid=punctuation]'), null, 'a given text has no punctuation switch');
    await quoteUpTo(page, 120);
    const source = await page.textContent('[data-testid=quote-source]');
    assert.match(source, /^— .+, .+$/);
    const words = await targetWords(page);
    const text = words.join(' ');
    assert.ok(text.length <= 120 && /^[\x20-\x7e]+$/.test(text), text);
    await typeWords(page, words, 5);
    await page.waitForSelector('[data-testid=results]');
    assert.equal(await page.textContent('[data-testid=quote-source]'), source, 'the source stays with the results');
    await saved(page);
    const rows = await historyRows(page);
    assert.equal(rows.length, 1);
    assert.match(rows[0], /quote/i);
  });
});

test('a Russian quote on emulated ЙЦУКЕН: marks the layout lacks are typed as what it has', async () => {
  await withPage(ctx.browser, 'quote ru', async (page) => {
    await page.goto(`${ctx.server.url}/test?mode=quote&length=short`);
    await page.selectOption('[data-testid=layout]', { label: 'Русская · ЙЦУКЕН' });
    await page.selectOption('[data-testid=input-mode]', 'emulate');
    await page.waitForSelector('[data-testid=quote-source]');
    const text = (await targetWords(page)).join(' ');
    assert.match(text, /[а-яё]/i);
    assert.doesNotMatch(text, /[«»—]/, 'no key for them on ЙЦУКЕН');
    await pressText(page, text, 'ru.txt');
    await page.waitForSelector('[data-testid=results]');
  });
});

test('custom text: empty, enormous, binary and untypable pastes get a reason; untypable characters can be dropped', async () => {
  await withPage(ctx.browser, 'custom text', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await page.click('[data-testid=mode-custom]');
    await page.waitForSelector('[data-testid=custom-error]');
    assert.match(await page.textContent('[data-testid=custom-error]'), /no text yet/);
    assert.equal(await page.$('[data-testid=text]'), null);

    await page.fill('[data-testid=custom-input]', 'a'.repeat(1 << 20));
    await page.click('[data-testid=custom-use]');
    assert.match(await page.textContent('[data-testid=custom-error]'), /characters or more; a custom text can have up to 20000/);
    await page.fill('[data-testid=custom-input]', 'PK\u0003\u0004\u0000\u0000 zip');
    await page.click('[data-testid=custom-use]');
    assert.match(await page.textContent('[data-testid=custom-error]'), /not text/);

    await page.fill('[data-testid=custom-input]', 'Сказал «да» — and\nthen   left.');
    await page.click('[data-testid=custom-use]');
    assert.match(await page.textContent('[data-testid=custom-error]'), /no key for: «С» «к» «а»/);
    await page.click('[data-testid=custom-drop]');
    const words = await targetWords(page);
    assert.equal(words.join(' '), '"" - and then left.');
    await typeWords(page, words, 5);
    await page.waitForSelector('[data-testid=results]');
    // The text is kept on this device for the next visit.
    await page.reload();
    await page.waitForSelector('[data-testid=text] .word');
    assert.equal((await targetWords(page)).join(' '), '"" - and then left.');
  });
});

test('zen: whatever is typed is the text, Shift+Enter ends it', async () => {
  await withPage(ctx.browser, 'zen', async (page) => {
    await page.goto(`${ctx.server.url}/test?mode=zen`);
    await page.waitForSelector('[data-testid=zen-hint]');
    await page.keyboard.type('free words typed here', { delay: 60 });
    assert.deepEqual(await targetWords(page), ['free', 'words', 'typed', 'here']);
    assert.equal(await page.$('[data-testid=results]'), null);
    await page.keyboard.press('Shift+Enter');
    await page.waitForSelector('[data-testid=results]');
    assert.equal(await page.textContent('[data-testid=results] [data-testid=accuracy]'), '100%');
  });
});

test('a words test ends on its last word typed right, or on Space; a wrong last word can be fixed first', async () => {
  await withPage(ctx.browser, 'last word', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await page.click('[data-testid=length-10]');
    const words = await targetWords(page);
    await typeWords(page, words.slice(0, 9), 5);
    await page.keyboard.press('Space');
    const last = words[9];
    const wrong = last.slice(0, -1) + (last.endsWith('q') ? 'z' : 'q');
    await page.keyboard.type(wrong, { delay: 5 });
    await page.waitForTimeout(200);
    assert.equal(await page.$('[data-testid=results]'), null, 'a wrong last word of the right length does not end it');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(last.slice(-1));
    await page.waitForSelector('[data-testid=results]');
  });
});
