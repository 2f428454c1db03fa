// Keystroke latency in the browser: types real keys into a 100-word test opened with ?bench, then reads
// the app's "klava-key" performance measures (handler + the DOM updates it queued) and any long tasks
// (over 50 ms) observed while typing. Shared by bench-keys.mjs (the benchmark) and latency.test.mjs.
import { targetWords } from './page.mjs';

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Types `chars` characters at `intervalMs`, with `settings` (as stored in `klava.settings`) applied first;
 * resolves to { count, p50, p99, max, longTasks }. */
export async function measureKeystrokes(page, baseUrl, chars, intervalMs, settings = {}) {
  await page.goto(`${baseUrl}/`);
  await page.evaluate((s) => localStorage.setItem('klava.settings', JSON.stringify(s)), settings);
  await page.goto(`${baseUrl}/test?bench`);
  await page.click('[data-testid=length-100]');
  const text = (await targetWords(page)).join(' ').slice(0, chars);
  await page.evaluate(() => {
    performance.clearMeasures();
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await page.keyboard.type(text, { delay: intervalMs });
  await page.waitForTimeout(200); // let the last measures and long-task reports arrive
  const { durations, longTasks } = await page.evaluate(() => ({
    durations: performance.getEntriesByName('klava-key').map((e) => e.duration),
    longTasks: window.__longTasks,
  }));
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1),
    longTasks,
  };
}
