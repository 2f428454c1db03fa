// Benchmark: keystroke latency in headless Chromium against the real server (figures in BENCHMARKS.md).
// After `trunk build --release --offline && cargo build -p klava-sync-server`:
//   node tests/e2e/bench-keys.mjs
import { startServer, launchBrowser } from './harness.mjs';
import { measureKeystrokes } from './latency.mjs';

const server = await startServer();
const browser = await launchBrowser();
const VARIANTS = {
  default: {},
  'sounds on': { key_sound: true, error_sound: true },
  'screen-reader mode': { screen_reader: true },
};
try {
  for (const [name, settings] of Object.entries(VARIANTS)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const r = await measureKeystrokes(page, server.url, 500, 15, settings);
    await context.close();
    const ms = (x) => `${x.toFixed(2)} ms`;
    console.log(`${name}: ${r.count} keystrokes; handler + DOM update p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, max ${ms(r.max)}; ` +
      `long tasks (> 50 ms): ${r.longTasks.length}${r.longTasks.length ? ` (${r.longTasks.map(ms).join(', ')})` : ''}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
