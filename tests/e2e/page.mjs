// Helpers that read and drive the test page the way a learner would.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const layoutsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'lessons', 'layouts');

/** character → [code, shift] from a layout file, the same data the app uses. */
export function keysOf(file) {
  const map = new Map();
  for (const line of readFileSync(join(layoutsDir, file), 'utf8').split('\n')) {
    const [code, base, shift] = line.trim().split(/\s+/);
    if (!/^[A-Z]/.test(code ?? '') || code.endsWith(':')) continue;
    if (base && base.length === 1 && !map.has(base)) map.set(base, [code, false]);
    if (shift && shift.length === 1 && !map.has(shift)) map.set(shift, [code, true]);
  }
  map.set(' ', ['Space', false]);
  return map;
}

/** The target words on the page. */
export async function targetWords(page) {
  await page.waitForSelector('[data-testid=text] .word');
  return page.$$eval('[data-testid=text] .word', (ws) =>
    ws.map((w) => [...w.querySelectorAll('.ch:not(.extra)')].map((c) => c.textContent).join('')));
}

/** Class names of grapheme `i` of word `w`. */
export const charClass = (page, w, i) =>
  page.$eval(`[data-testid=text] .word:nth-of-type(${w + 1}) .ch:nth-child(${i + 1})`, (c) => c.className);

/** [word, grapheme] of the caret: a grapheme marked `caret`, or the end of the word marked `caret-end`. */
export const caret = (page) =>
  page.$$eval('[data-testid=text] .word', (ws) => {
    for (const [w, el] of ws.entries()) {
      const chars = [...el.querySelectorAll('.ch')];
      const i = chars.findIndex((c) => c.classList.contains('caret'));
      if (i >= 0) return [w, i];
      if (el.classList.contains('caret-end')) return [w, chars.length];
    }
    return null;
  });

/** Types the words, each followed by Space except the last. */
export async function typeWords(page, words, delay) {
  for (const [i, w] of words.entries()) {
    await page.keyboard.type(w, { delay });
    if (i + 1 < words.length) await page.keyboard.press('Space', { delay });
  }
}

/** Types `text` with key events stamped exactly `stepMs` apart (through the DevTools protocol, which
 * sets each event's time stamp), so the figures are known in advance. Letters, digits, spaces and `#`. */
export async function typeTimed(page, text, stepMs) {
  const cdp = await page.context().newCDPSession(page);
  const start = Date.now() / 1000;
  for (const [i, ch] of [...text].entries()) {
    const code = ch === ' ' ? 'Space' : ch === '#' ? 'Digit3' : /\d/.test(ch) ? `Digit${ch}` : `Key${ch.toUpperCase()}`;
    const timestamp = start + (i * stepMs) / 1000;
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, code, text: ch, unmodifiedText: ch, timestamp });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch, code, timestamp: timestamp + 0.01 });
  }
  await cdp.detach();
}

/** A figure on the results screen as text. */
export const figure = (page, id) => page.textContent(`[data-testid=results] [data-testid=${id}]`);

/** Finishes a words test of `length` words (10 by default) by typing it (`delay` ms between keys), and
 * waits for the results. Opens the test page first when another page is showing. */
export async function finishTest(page, delay = 5, length = 10) {
  await page.waitForSelector('main');
  if (!(await page.$('[data-testid=mode-words]'))) await page.click('[data-testid=tab-practice]');
  await page.click(`[data-testid=length-${length}]`);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=text] .word').length === n, length);
  const words = await targetWords(page);
  await typeWords(page, words, delay);
  await page.waitForSelector('[data-testid=results]');
}

/** The rows of the history list, as text (opens the history page). */
export async function historyRows(page) {
  await page.click('[data-testid=tab-progress]');
  await page.waitForSelector('[data-testid=history], [data-testid=history-empty]');
  return page.$$eval('[data-testid=history-row]', (rs) => rs.map((r) => r.textContent));
}

/** Waits until nothing is waiting to be saved (the outbox is empty). */
export const saved = (page) => page.waitForFunction(() => localStorage.getItem('klava.outbox') === null);
