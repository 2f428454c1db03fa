// Benchmark: opening the app with 10,000 stored sessions (~3M keystrokes) in headless Chromium (figures in
// BENCHMARKS.md). After `trunk build --release --offline && cargo build -p klava-sync-server`:
//   node tests/e2e/bench-store.mjs [SESSIONS]
// It generates a backup with klava-core's `gen_backup` example, imports it through the Data page, then
// reloads: "open" is navigation start to the history being folded and shown (the `klava-history-ready`
// mark, then the History tab's rows on screen), from the cache; "cold" is the same with the cache deleted,
// so every session is read and replayed; "progress page" is clicking its tab (history loaded) to the page
// drawn, then choosing "all time" to every session's dot drawn.
import { statSync } from 'node:fs';
import { startServer, launchBrowser, generatedBackup } from './harness.mjs';

const sessions = Number(process.argv[2] ?? 10_000);
const file = generatedBackup(sessions);
console.log(`backup: ${(statSync(file).size / 1e6).toFixed(1)} MB`);

const server = await startServer();
const browser = await launchBrowser();
const ms = (x) => `${Math.round(x)} ms`;

/** Reloads and returns [history ready, rows on screen] in ms since navigation start. */
async function open(page) {
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('klava-history-ready').length > 0, null, { timeout: 120_000 });
  await page.click('[data-testid=tab-progress]');
  await page.waitForSelector('[data-testid=history-row]');
  return page.evaluate(() => [performance.getEntriesByName('klava-history-ready')[0].startTime, performance.now()]);
}

/** From the home page with the history loaded: ms from clicking Progress to the page drawn (session list,
 * charts, calendar, keys), then from choosing "all time" to every session's dot drawn. */
async function progressPage(page, sessions) {
  await page.click('[data-testid=tab-home]');
  await page.waitForSelector('[data-testid=home]');
  const t0 = await page.evaluate(() => performance.now());
  await page.click('[data-testid=tab-progress]');
  await page.waitForSelector('[data-testid=history-row]');
  await page.waitForSelector('[data-testid=calendar] rect.day');
  await page.waitForSelector('[data-testid=fingers] tbody tr');
  await page.waitForSelector('[data-testid=trend-wpm], [data-testid=trend-empty]');
  const t1 = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now()))));
  await page.click('[data-testid=period-all]');
  await page.waitForFunction((n) => (document.querySelector('[data-testid=trend-wpm] path.dots')?.getAttribute('d')?.split('M').length ?? 0) > n,
    sessions, { timeout: 60_000 });
  const t2 = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now()))));
  return [t1 - t0, t2 - t1];
}

try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(server.url);
  await page.click('[data-testid=tab-data]');
  const t0 = Date.now();
  await page.setInputFiles('[data-testid=import-file]', file);
  await page.waitForSelector('[data-testid=import-done], [data-testid=import-error]', { timeout: 600_000 });
  console.log(`import: ${ms(Date.now() - t0)} — ${await page.textContent('[data-testid=import-done], [data-testid=import-error]')}`);
  const count = async () => page.textContent('[data-testid=history-count]');
  for (let i = 1; i <= 3; i++) {
    const [ready, shown] = await open(page);
    console.log(`open ${i} (cached fold): history ready ${ms(ready)}, rows shown ${ms(shown)} after navigation start (${await count()} sessions)`);
  }
  await page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('klava');
    req.onsuccess = () => {
      const tx = req.result.transaction('cache', 'readwrite');
      tx.objectStore('cache').clear();
      tx.oncomplete = () => { req.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  const [ready, shown] = await open(page);
  console.log(`cold open (cache deleted, every session replayed): history ready ${ms(ready)}, rows shown ${ms(shown)}`);
  const [again] = await open(page);
  console.log(`next open (cache rebuilt): history ready ${ms(again)}`);
  for (let i = 1; i <= 3; i++) {
    const [shown, all] = await progressPage(page, sessions);
    console.log(`progress page ${i}: drawn ${ms(shown)} after the click; all ${sessions} sessions charted ${ms(all)} after choosing "all time"`);
  }
} finally {
  await browser.close();
  await server.stop();
}
