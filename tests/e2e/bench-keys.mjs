// Benchmark: keystroke latency in headless Chromium against the real server (figures in BENCHMARKS.md).
// After `trunk build --release --offline && cargo build -p klava-sync-server`:
//   node tests/e2e/bench-keys.mjs
// Prints, per variant: the app's own measure (handler + the DOM updates it queued) and the browser's
// Event Timing (key down to the next frame), normal and at 4x CPU slowdown; a trivial page with one input
// measured the same way; and a long timed test measured at keys 25-75 and 1,975-2,025.
import { startServer, launchBrowser } from './harness.mjs';
import { measureKeystrokes, measureTrivialPage, spread } from './latency.mjs';

const server = await startServer();
const browser = await launchBrowser();
const VARIANTS = {
  default: {},
  'sounds on': { key_sound: true, error_sound: true },
  'screen-reader mode': { screen_reader: true },
};
const ms = (x) => `${x.toFixed(1)} ms`;
const show = (s) => `p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)}, mean ${ms(s.mean)}`;
async function inContext(f) {
  const context = await browser.newContext();
  try {
    return await f(await context.newPage());
  } finally {
    await context.close();
  }
}
try {
  for (const cpu of [1, 4]) {
    const trivial = await inContext((page) => measureTrivialPage(page, 300, 20, cpu));
    console.log(`[cpu x${cpu}] trivial page, Event Timing: ${show(trivial)}`);
    for (const [name, settings] of Object.entries(VARIANTS)) {
      const r = await inContext((page) => measureKeystrokes(page, server.url, 300, 20, settings, { cpu }));
      console.log(`[cpu x${cpu}] ${name}: ${r.count} keys; handler + DOM ${show(r)}; Event Timing ${show(r.events)}; ` +
        `long tasks (> 50 ms): ${r.longTasks.length}${r.longTasks.length ? ` (${r.longTasks.map(ms).join(', ')})` : ''}`);
    }
  }
  const long = await inContext((page) => measureKeystrokes(page, server.url, 2100, 15, {}, { path: '/test?mode=time&n=120&bench' }));
  for (const [from, to] of [[25, 75], [1975, 2025]]) {
    console.log(`long timed test, keys ${from}-${to}: handler + DOM ${show(spread(long.durations.slice(from, to)))}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
