// Dictation: the page's speech synthesis is replaced by a recorder before the app loads (headless
// Chromium has no voices), so the test hears exactly what the app asks to be read, in which language and
// at which rate, and can take the voices away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, withPage } from './harness.mjs';
import { targetWords, typeWords, saved, historyRows } from './page.mjs';

const ctx = serverAndBrowser();

/** Replaces speechSynthesis with a recorder offering `voices` ([name, lang]); `null` takes it away. */
async function fakeSpeech(page, voices) {
  await page.addInitScript((list) => {
    if (list === null) {
      Object.defineProperty(window, 'speechSynthesis', { get: () => undefined, configurable: true });
      return;
    }
    window.__spoken = [];
    const proto = window.SpeechSynthesisVoice?.prototype ?? (window.SpeechSynthesisVoice = function Voice() {}).prototype;
    const made = list.map(([name, lang], i) => Object.defineProperties(Object.create(proto), {
      name: { value: name }, lang: { value: lang }, default: { value: i === 0 }, localService: { value: true },
    }));
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = ''; this.rate = 1; this.voice = null; } };
    const fake = {
      getVoices: () => made,
      speak: (u) => window.__spoken.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice?.name ?? null }),
      cancel: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
    };
    Object.defineProperty(window, 'speechSynthesis', { get: () => fake, configurable: true });
  }, voices);
}

const spoken = (page) => page.evaluate(() => window.__spoken);

test('words are read aloud in the layout’s language, typed unseen, read again and slower, and kept', async () => {
  await withPage(ctx.browser, 'dictation words', async (page) => {
    await fakeSpeech(page, [['Test German', 'de-DE'], ['Test English', 'en_US']]);
    await page.goto(`${ctx.server.url}/`);
    await page.click('[data-testid=home-dictation]');
    await page.waitForSelector('[data-testid=voice]');
    assert.match(await page.textContent('[data-testid=voice]'), /Read by Test English/);
    await page.check('[data-testid=dictation-words]');
    await page.click('[data-testid=dictation-start]');
    await page.waitForFunction(() => window.__spoken.length === 1);
    const words = await targetWords(page);
    assert.equal(words.length, 8);
    assert.deepEqual(await spoken(page), [{ text: words.join(', '), lang: 'en_US', rate: 1, voice: 'Test English' }]);
    // What is still to come is not seen, and the keyboard does not give the next key away.
    const color = await page.$eval('[data-testid=text] .ch', (c) => getComputedStyle(c).color);
    assert.equal(color, 'rgba(0, 0, 0, 0)');
    assert.equal(await page.$('.keyboard .ring.next:not(.off)'), null);

    await typeWords(page, words.slice(0, 1), 5);
    await page.keyboard.press('Space');
    await page.click('[data-testid=dictation-again]');
    await page.click('[data-testid=dictation-slower]');
    assert.equal(await page.getAttribute('[data-testid=dictation-slower]', 'aria-pressed'), 'true');
    const rest = words.slice(1).join(', ');
    assert.deepEqual((await spoken(page)).slice(1).map((s) => [s.text, Math.round(s.rate * 100) / 100]), [[rest, 1], [rest, 0.6]]);
    // The buttons leave the keys going to the text.
    await typeWords(page, words.slice(1), 5);
    await page.waitForSelector('[data-testid=results]');
    assert.equal(await page.textContent('[data-testid=dictation-text]'), `The text was: ${words.join(' ')}`);
    await page.waitForSelector('[data-testid=toast]');
    assert.match(await page.textContent('[data-testid=toast]'), /By ear/);
    await saved(page);
    const rows = await historyRows(page);
    assert.match(rows[0], /dictation/);
  });
});

test('a sentence is read in Russian on ЙЦУКЕН; without a voice for the language the page says so', async () => {
  await withPage(ctx.browser, 'dictation ru', async (page) => {
    await fakeSpeech(page, [['Тестовый голос', 'ru-RU']]);
    await page.goto(`${ctx.server.url}/settings`);
    await page.selectOption('[data-testid=settings-layout]', 'ru');
    await page.goto(`${ctx.server.url}/dictation`);
    await page.waitForSelector('[data-testid=dictation-sentence]:not([disabled])');
    assert.ok(await page.isChecked('[data-testid=dictation-sentence]'), 'a sentence by default');
    await page.click('[data-testid=dictation-start]');
    await page.waitForFunction(() => window.__spoken.length === 1);
    const [said] = await spoken(page);
    assert.equal(said.lang, 'ru-RU');
    assert.match(said.text, /[а-яё]/i);
    // The quote is read as written; what is typed is it in lower case without punctuation.
    const words = await targetWords(page);
    for (const w of words) {
      assert.match(w, /^[\p{Ll}\p{N}'’-]+$/u, `${w}: lower case, no punctuation`);
      assert.ok(said.text.toLowerCase().includes(w), `${w} is in what was read: ${said.text}`);
    }
  });
  await withPage(ctx.browser, 'dictation no voice', async (page) => {
    await fakeSpeech(page, [['Test English', 'en-GB']]);
    await page.goto(`${ctx.server.url}/settings`);
    await page.selectOption('[data-testid=settings-layout]', 'ru');
    await page.goto(`${ctx.server.url}/dictation`);
    await page.waitForSelector('[data-testid=no-voice]');
    assert.match(await page.textContent('[data-testid=no-voice]'), /no voice for the language of/);
    assert.ok(await page.isDisabled('[data-testid=dictation-start]'));
  });
  await withPage(ctx.browser, 'dictation no synthesis', async (page) => {
    await fakeSpeech(page, null);
    await page.goto(`${ctx.server.url}/dictation`);
    await page.waitForSelector('[data-testid=no-voice]');
    assert.ok(await page.isDisabled('[data-testid=dictation-start]'));
  });
});
