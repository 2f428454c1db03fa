// The keystroke-latency probe works and typing causes no long task. The figures themselves are a
// benchmark (bench-keys.mjs, BENCHMARKS.md), not asserted here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, withPage } from './harness.mjs';
import { measureKeystrokes } from './latency.mjs';

const ctx = serverAndBrowser();

test('typing is measured and causes no long task', async () => {
  await withPage(ctx.browser, 'latency', async (page) => {
    const r = await measureKeystrokes(page, ctx.server.url, 120, 15);
    assert.ok(r.count >= 100, `measured ${r.count} keystrokes`);
    assert.deepEqual(r.longTasks, [], 'no task over 50 ms while typing');
  });
});
