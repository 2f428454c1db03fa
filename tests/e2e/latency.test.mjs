// The keystroke-latency probe works. The figures themselves, and whether typing causes long tasks, are a
// benchmark (bench-keys.mjs, BENCHMARKS.md), not asserted here: a busy 2-core CI machine would break such
// an assertion at random.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, withPage } from './harness.mjs';
import { measureKeystrokes } from './latency.mjs';

const ctx = serverAndBrowser();

test('typing is measured', async () => {
  await withPage(ctx.browser, 'latency', async (page) => {
    const r = await measureKeystrokes(page, ctx.server.url, 120, 15);
    assert.ok(r.count >= 100, `measured ${r.count} keystrokes`);
  });
});
