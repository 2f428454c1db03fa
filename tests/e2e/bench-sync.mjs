// Benchmark: a new device signing in to an account that holds 10,000 sessions (~3M keystrokes) pulls them
// all and shows the history; then the bytes one typical session sends (figures in BENCHMARKS.md). After
// `trunk build --release --offline && cargo build -p klava-sync-server`:
//   node tests/e2e/bench-sync.mjs [SESSIONS]
// The account is filled over HTTP from a backup made by klava-core's `gen_backup` example (pushes of 500,
// as the app sends them). "Pulled and shown" runs from the click on "Sign in" to the status line saying
// "Synced" with every session in the history; long tasks (over 50 ms) on the page meanwhile are counted,
// to show whether it stayed usable.
import { readFileSync } from 'node:fs';
import { startServer, launchBrowser, generatedBackup } from './harness.mjs';
import { finishTest } from './page.mjs';

const sessions = Number(process.argv[2] ?? 10_000);
const file = generatedBackup(sessions);
const records = JSON.parse(readFileSync(file, 'utf8')).records;
const server = await startServer();
const browser = await launchBrowser();
const ms = (x) => `${Math.round(x)} ms`;
const PASSWORD = 'correct horse battery';

try {
  // Fill the account over HTTP.
  const headers = { 'content-type': 'application/json', 'x-klava-client': 'bench' };
  const signUp = await fetch(`${server.url}/api/account/signup`, {
    method: 'POST', headers, body: JSON.stringify({ login: 'bench', password: PASSWORD }),
  });
  if (signUp.status !== 201) throw new Error(`sign-up: ${signUp.status} ${await signUp.text()}`);
  const cookie = signUp.headers.get('set-cookie').split(';')[0];
  const t0 = Date.now();
  let bytes = 0;
  for (let i = 0; i < records.length; i += 500) {
    const body = JSON.stringify({ records: records.slice(i, i + 500) });
    bytes += body.length;
    const r = await fetch(`${server.url}/api/sync/push`, { method: 'POST', headers: { ...headers, cookie }, body });
    const answer = await r.json();
    if (r.status !== 200 || answer.refused.length) throw new Error(`push: ${r.status} ${JSON.stringify(answer).slice(0, 300)}`);
  }
  console.log(`filled the account: ${records.length} records, ${(bytes / 1e6).toFixed(1)} MB, ${ms(Date.now() - t0)}`);

  // A new device signs in.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((l) => window.longTasks.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  let pulled = 0;
  page.on('response', async (r) => {
    if (r.url().includes('/api/sync/pull')) pulled += Number(r.headers()['content-length'] ?? (await r.body()).length);
  });
  await page.goto(`${server.url}/account`);
  await page.fill('[data-testid=login]', 'bench');
  await page.fill('[data-testid=password]', PASSWORD);
  await page.evaluate(() => { window.longTasks = []; });
  const start = Date.now();
  await page.click('[data-testid=account-submit]');
  await page.waitForFunction(() => document.querySelector('[data-testid=sync-status]')?.textContent === 'Synced', null,
    { timeout: 300_000 });
  const synced = Date.now() - start;
  await page.click('[data-testid=tab-progress]');
  await page.waitForFunction((n) => document.querySelector('[data-testid=history-count]')?.textContent.replace(/\D/g, '') === String(n),
    sessions, { timeout: 120_000 });
  const shown = Date.now() - start;
  const long = await page.evaluate(() => window.longTasks);
  const phases = await page.evaluate(() => Object.fromEntries(['klava-pull-fetch', 'klava-pull-read', 'klava-store', 'klava-fold']
    .map((n) => [n, Math.round(performance.getEntriesByName(n).reduce((a, e) => a + e.duration, 0))])));
  console.log(`new device: ${sessions} sessions pulled (${(pulled / 1e6).toFixed(1)} MB) and synced ${ms(synced)}, ` +
    `history shown ${ms(shown)} after "Sign in"; long tasks meanwhile: ${long.length}, longest ${ms(Math.max(0, ...long))}; ` +
    `summed per phase (ms): ${JSON.stringify(phases)}`);

  // One typical session: a 25-word test, what its push sends and receives.
  const pushes = [];
  page.on('request', (r) => { if (r.url().includes('/api/sync/push')) pushes.push(r.postData()?.length ?? 0); });
  await finishTest(page, 5, 25);
  await page.waitForFunction(() => document.querySelector('[data-testid=sync-status]')?.textContent === 'Synced');
  await page.waitForTimeout(500);
  console.log(`one 25-word session: pushes ${JSON.stringify(pushes)} bytes (request bodies; a settings change is a record too)`);
} finally {
  await browser.close();
  await server.stop();
}
