// The keystroke-latency probe works and typing causes no long task. The figures themselves are a
// benchmark (bench-keys.mjs, BENCHMARKS.md), not asserted here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, withPage } from './harness.mjs';
import { measureKeystrokes } from './latency.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('typing is measured and causes no long task', async () => {
  await withPage(browser, 'latency', async (page) => {
    const r = await measureKeystrokes(page, server.url, 120, 15);
    assert.ok(r.count >= 100, `measured ${r.count} keystrokes`);
    assert.deepEqual(r.longTasks, [], 'no task over 50 ms while typing');
  });
});
