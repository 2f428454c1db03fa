// Screenshots of every page in both interface languages, light, dark and high contrast, at desktop and
// phone (390 px) width, for looking at (not a test). Starts its own server on the release build:
//   node tests/e2e/shots.mjs [page …]      → tests/e2e/artifacts/shots/<page>-<lang>-<theme>-<width>.png
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launchBrowser, artifacts, generatedBackup } from './harness.mjs';
import { targetWords, typeWords } from './page.mjs';

const PAGES = {
  results: null,
  home: '/',
  test: '/test',
  quote: '/test?mode=quote&length=medium',
  custom: '/test?mode=custom',
  zen: '/test?mode=zen',
  practice: '/practice',
  dictation: '/dictation',
  'review-empty': '/review',
  progress: '/progress',
  settings: '/settings',
  data: '/data',
  account: '/account',
  missing: '/no-such-page',
};
/** The account once signed in: its states, taken after the pages above (they sign up). */
const ACCOUNT_STATES = ['codes', 'signed-in', 'offline', 'signed-out-elsewhere'];
/** A lesson's states and the course map, taken after the pages above. */
const LEARN_STATES = ['lesson-intro', 'lesson-failed', 'lesson-passed', 'learn-map'];
/** The progress page with a week and with a year of a learner's sessions, and dictation with a voice. */
const DATA_STATES = ['progress-week', 'progress-year', 'dictation-typing'];
/** Home and the review page two days after a test with mistakes, and a review session's results. */
const REVIEW_STATES = ['review', 'review-after', 'home-review'];
const only = process.argv.slice(2);
const out = join(artifacts, 'shots');
mkdirSync(out, { recursive: true });

const server = await startServer();
let accounts = 0;

/** Signs up, then shoots the recovery codes, the signed-in page, the status line offline with a session
 * waiting, and the page after being signed out from elsewhere. */
async function accountStates(page, context, suffix) {
  const shoot = async (name) => {
    await page.waitForTimeout(300);
    const file = join(out, `${name}-${suffix}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  };
  const login = `shots${++accounts}`;
  await page.goto(`${server.url}/account`);
  await page.click('[data-testid=mode-signup]');
  await page.fill('[data-testid=login]', login);
  await page.fill('[data-testid=password]', 'correct horse battery');
  await page.click('[data-testid=account-submit]');
  await page.waitForSelector('[data-testid=recovery-codes]');
  await shoot('account-codes');
  await page.click('[data-testid=codes-done]');
  await page.waitForFunction(() => /^(Synced|Синхронизировано)$/.test(document.querySelector('[data-testid=sync-status]')?.textContent));
  await shoot('account-signed-in');
  await context.setOffline(true);
  await page.click('[data-testid=tab-practice]');
  await typeWords(page, await targetWords(page), 5);
  await page.waitForSelector('[data-testid=results]');
  await shoot('status-offline');
  await context.setOffline(false);
  await page.evaluate(() => fetch('/api/account/signout', { method: 'POST', headers: { 'x-klava-client': 'shots' } }));
  await page.goto(`${server.url}/account`);
  await page.waitForSelector('[data-testid=account-error]');
  await shoot('account-signed-out-elsewhere');
}
/** The first lesson's introduction, failed (a wrong key before each word), passed, and the map after. */
async function learnStates(page, suffix) {
  const shoot = async (name) => {
    await page.waitForTimeout(300);
    const file = join(out, `${name}-${suffix}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  };
  await page.goto(`${server.url}/learn/us/home-1`);
  await page.waitForSelector('[data-testid=lesson-intro]');
  await shoot('lesson-intro');
  await page.click('[data-testid=lesson-start]');
  for (const w of await targetWords(page)) {
    await page.keyboard.press('KeyQ');
    await page.keyboard.type(`${w} `, { delay: 5 });
  }
  await page.waitForSelector('[data-testid=lesson-verdict]');
  await shoot('lesson-failed');
  await page.click('[data-testid=lesson-again]');
  await typeWords(page, await targetWords(page), 5);
  await page.waitForSelector('[data-testid=lesson-verdict].passed');
  await shoot('lesson-passed');
  await page.goto(`${server.url}/learn`);
  await page.waitForSelector('[data-testid=unit-home]');
  await shoot('learn-map');
}
/** Shoots the progress page with `sessions` over `days` days, the page's clock just after the last. */
async function progressWith(browser, settings, suffix, viewport, name, sessions, days) {
  if (only.length && !only.includes(name)) return;
  const file = generatedBackup(sessions, days);
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(1.7e12 + days * 86_400_000 + 3_600_000));
  await page.goto(`${server.url}/data`);
  await page.evaluate((s) => localStorage.setItem('klava.settings', s), settings);
  await page.reload();
  await page.setInputFiles('[data-testid=import-file]', file);
  await page.waitForSelector('[data-testid=import-done]', { timeout: 60_000 });
  await page.goto(`${server.url}/progress`);
  await page.waitForSelector('[data-testid=calendar]');
  await page.waitForTimeout(500);
  const shot = join(out, `${name}-${suffix}.png`);
  await page.screenshot({ path: shot, fullPage: true });
  console.log(shot);
  await context.close();
}

/** Dictation with a recorded voice standing in for the browser's: two words typed. */
async function dictationTyping(browser, settings, suffix, viewport) {
  if (only.length && !only.includes('dictation-typing')) return;
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const voice = Object.defineProperties(Object.create(window.SpeechSynthesisVoice.prototype),
      { name: { value: 'Voice' }, lang: { value: 'en-US' }, default: { value: true }, localService: { value: true } });
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    const fake = { getVoices: () => [voice], speak: () => {}, cancel: () => {}, addEventListener: () => {}, removeEventListener: () => {} };
    Object.defineProperty(window, 'speechSynthesis', { get: () => fake, configurable: true });
  });
  await page.goto(`${server.url}/dictation`);
  await page.evaluate((s) => localStorage.setItem('klava.settings', s), settings);
  await page.reload();
  await page.click('[data-testid=dictation-start]');
  await typeWords(page, (await targetWords(page)).slice(0, 2), 5);
  await page.keyboard.press('Space');
  await page.waitForTimeout(300);
  const shot = join(out, `dictation-typing-${suffix}.png`);
  await page.screenshot({ path: shot, fullPage: true });
  console.log(shot);
  await context.close();
}

/** A test with a wrong key before each of its first ten words; two days later the review page, then a
 * review session typed right and its results. */
async function reviewStates(browser, settings, suffix, viewport) {
  if (only.length && !REVIEW_STATES.some((s) => only.includes(s))) return;
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const shoot = async (name) => {
    await page.waitForTimeout(300);
    const file = join(out, `${name}-${suffix}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  };
  await page.clock.setFixedTime(new Date('2026-03-02T10:00:00Z'));
  await page.goto(`${server.url}/test?mode=words&n=25`);
  await page.evaluate((s) => localStorage.setItem('klava.settings', s), settings);
  await page.reload();
  for (const [i, w] of (await targetWords(page)).entries()) {
    if (i < 10) {
      await page.keyboard.press('KeyQ');
      await page.keyboard.press('Backspace');
    }
    await page.keyboard.type(i < 24 ? `${w} ` : w, { delay: 30 });
  }
  await page.waitForSelector('[data-testid=results]');
  await page.waitForFunction(() => localStorage.getItem('klava.outbox') === null);
  await page.clock.setFixedTime(new Date('2026-03-04T10:00:00Z'));
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=home-review]');
  await shoot('home-review');
  await page.goto(`${server.url}/review`);
  await page.waitForSelector('[data-testid=review-start]:not([disabled])');
  await shoot('review');
  await page.click('[data-testid=review-start]');
  await typeWords(page, await targetWords(page), 30);
  await page.waitForSelector('[data-testid=review-after]');
  await shoot('review-after');
  await context.close();
}

const browser = await launchBrowser();
try {
  for (const [lang, theme, width] of [['en', 'light', 1100], ['ru', 'light', 1100], ['en', 'dark', 1100], ['ru', 'dark', 1100],
    ['en', 'high_contrast', 1100], ['en', 'light', 390], ['ru', 'dark', 390]]) {
    const context = await browser.newContext({ viewport: { width, height: width > 500 ? 800 : 844 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.evaluate(([lang, theme]) => {
      localStorage.setItem('klava.settings', JSON.stringify({ language: lang, theme }));
    }, [lang, theme]);
    // One finished test, so history and results have something to show.
    await page.goto(`${server.url}/test?mode=words&n=10`);
    await typeWords(page, await targetWords(page), 5);
    await page.waitForSelector('[data-testid=results]');
    for (const [name, path] of Object.entries(PAGES)) {
      if (only.length && !only.includes(name)) continue;
      if (path) await page.goto(`${server.url}${path}`);
      await page.waitForTimeout(300);
      const file = join(out, `${name}-${lang}-${theme}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    if (!only.length || LEARN_STATES.some((s) => only.includes(s))) await learnStates(page, `${lang}-${theme}-${width}`);
    if (!only.length || ACCOUNT_STATES.some((s) => only.includes(s))) await accountStates(page, context, `${lang}-${theme}-${width}`);
    await context.close();
    const viewport = { width, height: width > 500 ? 800 : 844 };
    const settings = JSON.stringify({ language: lang, theme });
    const suffix = `${lang}-${theme}-${width}`;
    await progressWith(browser, settings, suffix, viewport, 'progress-week', 12, 7);
    await progressWith(browser, settings, suffix, viewport, 'progress-year', 500, 365);
    await dictationTyping(browser, settings, suffix, viewport);
    await reviewStates(browser, settings, suffix, viewport);
  }
} finally {
  await browser.close();
  await server.stop();
}
