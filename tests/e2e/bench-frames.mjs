// Benchmark: where a keystroke's frame goes, from a Chromium trace (figures in BENCHMARKS.md).
// After `trunk build --release --offline && cargo build -p klava-sync-server`:
//   node tests/e2e/bench-frames.mjs
// Types 150 characters at 20 ms intervals into a 100-word test, normal and at 4x CPU slowdown, and prints
// the main thread's rendering work per key by phase (style, layout, paint, ...), summed over the trace.
import { startServer, launchBrowser } from './harness.mjs';
import { targetWords } from './page.mjs';

const KEYS = 150;
const PHASES = [
  ['main frame', 'ProxyMain::BeginMainFrame'], ['style', 'UpdateLayoutTree'], ['layout', 'Layout'], ['paint', 'Paint'],
  ['pre-paint', 'PrePaint'], ['layerize', 'Layerize'], ['commit', 'Commit'], ['hover hit test', 'LayoutView::HitTest'],
  ['raster (workers)', 'RasterTask'],
];

/** The trace of typing KEYS characters into a fresh test at `cpu` times slowdown. */
async function trace(browser, url, cpu) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${url}/test?bench`);
    await page.click('[data-testid=length-100]');
    const text = (await targetWords(page)).join(' ').slice(0, KEYS);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const events = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,cc', transferMode: 'ReportEvents' });
    await page.keyboard.type(text, { delay: 20 });
    await page.waitForTimeout(300);
    await cdp.send('Tracing.end');
    await done;
    return events;
  } finally {
    await context.close();
  }
}

const server = await startServer();
const browser = await launchBrowser();
try {
  for (const cpu of [1, 4]) {
    const events = await trace(browser, server.url, cpu);
    // Paint events nest (the document's contains the root element's): count the outermost only.
    const paints = events.filter((e) => e.name === 'Paint' && e.ph === 'X');
    const nested = (e) => paints.some((p) => p !== e && p.tid === e.tid && p.ts <= e.ts && e.ts + e.dur <= p.ts + p.dur);
    const perKey = PHASES.map(([label, name]) => {
      const spans = events.filter((e) => e.name === name && e.ph === 'X' && !(name === 'Paint' && nested(e)));
      return `${label} ${(spans.reduce((sum, e) => sum + e.dur, 0) / 1000 / KEYS).toFixed(2)}`;
    });
    console.log(`[cpu x${cpu}] ms per key: ${perKey.join(', ')}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
