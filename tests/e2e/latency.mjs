// Keystroke latency in the browser: types real keys into a test opened with ?bench, then reads the app's
// "klava-key" performance measures (handler + the DOM updates it queued), the browser's Event Timing
// entries for each keydown (key down to the next frame painted: what a learner feels) and any long tasks
// (over 50 ms) observed while typing. Shared by bench-keys.mjs (the benchmark) and latency.test.mjs.
import { targetWords } from './page.mjs';

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Event Timing reports only events of 16 ms or more; the others count as under 16 ms. */
const EVENT_THRESHOLD_MS = 16;

/** p50, p99, max and mean of `values` (ms). */
export function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1), mean };
}

/** Starts collecting Event Timing keydown durations and long tasks in the page. */
async function observe(page) {
  await page.evaluate((threshold) => {
    performance.clearMeasures();
    window.__longTasks = [];
    window.__keydowns = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') window.__keydowns.push(e.duration);
    }).observe({ type: 'event', durationThreshold: threshold });
  }, EVENT_THRESHOLD_MS);
}

/** Event Timing figures for `typed` keydowns of which `reported` were 16 ms or more. */
function eventTiming(reported, typed) {
  const all = [...Array(Math.max(0, typed - reported.length)).fill(EVENT_THRESHOLD_MS - 1), ...reported];
  return spread(all);
}

/** Types `chars` characters at `intervalMs` into the test at `path` (`/test?bench` with a 100-word test
 * by default), with `settings` (as stored in `klava.settings`) applied first and the CPU slowed down
 * `cpu` times; resolves to { count, p50, p99, max, durations (by key), events, longTasks }. */
export async function measureKeystrokes(page, baseUrl, chars, intervalMs, settings = {}, { path, cpu = 1 } = {}) {
  await page.goto(`${baseUrl}/`);
  await page.evaluate((s) => localStorage.setItem('klava.settings', JSON.stringify(s)), settings);
  await page.goto(`${baseUrl}${path ?? '/test?bench'}`);
  if (!path) await page.click('[data-testid=length-100]');
  await targetWords(page);
  if (cpu > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  }
  await observe(page);
  // Twenty words at a time: a timed test appends words as the learner nears the end.
  let [typedWords, typedChars] = [0, 0];
  while (typedChars < chars) {
    const next = (await targetWords(page)).slice(typedWords, typedWords + 20);
    if (next.length === 0) throw new Error(`the text ended after ${typedChars} characters`);
    const segment = `${next.join(' ')} `.slice(0, chars - typedChars);
    await page.keyboard.type(segment, { delay: intervalMs });
    [typedWords, typedChars] = [typedWords + next.length, typedChars + segment.length];
  }
  await page.waitForTimeout(300); // let the last measures and reports arrive
  const { durations, keydowns, longTasks } = await page.evaluate(() => ({
    durations: performance.getEntriesByName('klava-key').map((e) => e.duration),
    keydowns: window.__keydowns,
    longTasks: window.__longTasks,
  }));
  return { ...spread(durations), durations, events: eventTiming(keydowns, typedChars), longTasks };
}

/** The same Event Timing measure on a page with nothing but one input: the floor a browser gives. */
export async function measureTrivialPage(page, chars, intervalMs, cpu = 1) {
  await page.setContent('<!doctype html><input id="i" autofocus>');
  await page.focus('#i');
  if (cpu > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  }
  await observe(page);
  await page.keyboard.type('a'.repeat(chars), { delay: intervalMs });
  await page.waitForTimeout(300);
  const keydowns = await page.evaluate(() => window.__keydowns);
  return eventTiming(keydowns, chars);
}
