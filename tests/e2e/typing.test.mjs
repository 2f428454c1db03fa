// A learner types a line with the real keyboard (trusted key events from Chromium's input pipeline):
// marks, caret, Backspace, and the WPM and accuracy at the end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launchBrowser, withPage, artifacts } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

/** The line on the page, one grapheme per span. */
async function targetText(page) {
  await page.waitForSelector('[data-testid=text] .ch');
  return page.$$eval('[data-testid=text] .ch', (spans) => spans.map((s) => s.textContent));
}

const classesAt = (page, i) => page.$eval(`[data-testid=text] .ch:nth-child(${i + 1})`, (s) => s.className);
const caretIndex = (page) =>
  page.$$eval('[data-testid=text] .ch', (spans) => spans.findIndex((s) => s.classList.contains('caret')));

test('typing a line with one mistake fixed by Backspace shows marks, then WPM and accuracy', async () => {
  await withPage(browser, 'typing a line', async (page) => {
    await page.goto(server.url);
    const chars = await targetText(page);
    assert.ok(chars.length >= 20, `a line to type: ${chars.join('')}`);
    assert.equal(await caretIndex(page), 0);

    const delay = 80; // ms between keys: about 150 WPM
    const started = Date.now();
    await page.keyboard.type(chars.slice(0, 3).join(''), { delay });
    assert.match(await classesAt(page, 0), /\bcorrect\b/);
    assert.equal(await caretIndex(page), 3);

    // One mistake: a key that is not the expected one.
    const wrong = chars[3] === 'z' ? 'q' : 'z';
    await page.keyboard.type(wrong, { delay });
    assert.match(await classesAt(page, 3), /\bwrong\b/);
    assert.equal(await caretIndex(page), 4);

    // Backspace removes it: the grapheme is pending again and the caret is back.
    await page.keyboard.press('Backspace', { delay });
    assert.doesNotMatch(await classesAt(page, 3), /\b(wrong|correct)\b/);
    assert.equal(await caretIndex(page), 3);

    await page.keyboard.type(chars.slice(3).join(''), { delay });
    const elapsedMs = Date.now() - started;
    await page.waitForSelector('[data-testid=figures].result');
    for (let i = 0; i < chars.length; i++) assert.match(await classesAt(page, i), /\bcorrect\b/, `char ${i}`);

    const wpm = Number(await page.textContent('[data-testid=wpm]'));
    const accuracy = await page.textContent('[data-testid=accuracy]');
    const errors = await page.textContent('[data-testid=errors]');
    // Speed: every grapheme correct, over the time from the first key to the last (measured here from
    // outside the page, so allow a generous margin).
    const expected = chars.length / 5 / (elapsedMs / 60_000);
    assert.ok(wpm > expected * 0.7 && wpm < expected * 1.6, `wpm ${wpm}, expected about ${expected.toFixed(1)}`);
    // Accuracy: n + 1 character keystrokes, n of them right (the fixed mistake still counts).
    assert.equal(accuracy, `${Math.round((chars.length / (chars.length + 1)) * 100)}%`);
    assert.equal(errors, '1');

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'typing-result.png') });
  });
});

test('Escape starts a new line with fresh figures', async () => {
  await withPage(browser, 'escape new line', async (page) => {
    await page.goto(server.url);
    const first = (await targetText(page)).join('');
    await page.keyboard.type(first.slice(0, 5), { delay: 30 });
    assert.notEqual(await page.textContent('[data-testid=wpm]'), '—');
    await page.keyboard.press('Escape');
    const second = (await targetText(page)).join('');
    assert.notEqual(second, first);
    assert.equal(await caretIndex(page), 0);
    assert.equal(await page.textContent('[data-testid=wpm]'), '—');
    assert.equal(await page.textContent('[data-testid=accuracy]'), '—');
  });
});

test('a deep link loads the app and an unknown API path answers JSON 404', async () => {
  await withPage(browser, 'routing', async (page) => {
    const res = await page.goto(`${server.url}/learn/some-lesson`);
    assert.equal(res.status(), 200);
    await targetText(page);
    const api = await page.request.get(`${server.url}/api/nope`);
    assert.equal(api.status(), 404);
    assert.equal((await api.json()).error.code, 'not_found');
    const health = await (await page.request.get(`${server.url}/api/health`)).json();
    assert.equal(health.status, 'ok');
    assert.equal(health.database.backend, 'sqlite');
  });
});
