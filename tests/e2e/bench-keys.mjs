// Benchmark: keystroke latency in headless Chromium against the real server (figures in BENCHMARKS.md).
// After `trunk build --release --offline && cargo build -p klava-sync-server`:
//   node tests/e2e/bench-keys.mjs
import { startServer, launchBrowser } from './harness.mjs';
import { measureKeystrokes } from './latency.mjs';

const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext()).newPage();
  const r = await measureKeystrokes(page, server.url, 500, 15);
  const ms = (x) => `${x.toFixed(2)} ms`;
  console.log(`keystrokes measured: ${r.count}`);
  console.log(`handler + DOM update: p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, max ${ms(r.max)}`);
  console.log(`long tasks (> 50 ms) while typing: ${r.longTasks.length}${r.longTasks.length ? ` (${r.longTasks.map(ms).join(', ')})` : ''}`);
} finally {
  await browser.close();
  await server.stop();
}
