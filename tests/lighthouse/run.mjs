// Klava's page-load benchmark (not a CI step): builds the release app, serves it as a CDN would (the sync
// server on 127.0.0.1: precompressed brotli, hashed files immutable, the security headers), and runs
// Lighthouse 3 times with its mobile defaults (simulated slow 4G, 4× CPU slowdown) and once with its desktop
// config, in Debian's Chromium. Prints the medians of score, FCP, LCP, TBT, CLS and transfer size.
//
//   node tests/lighthouse/run.mjs [--no-build] [--path /test] [--runs 3]
//
// Installs its npm packages (Lighthouse 12.2.3, the last that runs on Node 20) on first use.
// KLAVA_SERVER_BIN names a server binary other than target/debug/klava-sync-server.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const path = flag('--path', '/');
const runs = Number(flag('--runs', '3'));

// Its own packages, and the end-to-end tests' (their server start-up is reused below).
for (const [dir, pkg] of [[here, 'lighthouse'], [join(here, '..', 'e2e'), 'playwright-core']]) {
  if (!existsSync(join(dir, 'node_modules', pkg))) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', dir], { stdio: 'inherit' });
  }
}
if (!args.includes('--no-build')) {
  execFileSync('cargo', ['xtask', 'build'], { cwd: root, stdio: 'inherit' });
  execFileSync('cargo', ['build', '-p', 'klava-sync-server'], { cwd: root, stdio: 'inherit' });
}

// The same server start-up as the end-to-end tests (tests/e2e/harness.mjs): the release build in dist/.
const { startServer } = await import('../e2e/harness.mjs');
const { default: lighthouse } = await import('lighthouse');
const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
const chromeLauncher = await import('chrome-launcher');

/** One Lighthouse run in a fresh Chromium profile; the figures that matter. */
async function once(url, config) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'klava-lh-chrome-'));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    userDataDir,
    chromeFlags: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] }, config);
    const a = result.lhr.audits;
    return {
      score: Math.round(result.lhr.categories.performance.score * 100),
      fcp: a['first-contentful-paint'].numericValue,
      lcp: a['largest-contentful-paint'].numericValue,
      tbt: a['total-blocking-time'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      transfer: a['total-byte-weight'].numericValue,
      longest: Math.max(0, ...(a['long-tasks']?.details?.items ?? []).map((t) => t.duration)),
    };
  } finally {
    chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function summary(name, results) {
  const m = (k) => median(results.map((r) => r[k]));
  return {
    name,
    runs: results.length,
    score: m('score'),
    'FCP ms': Math.round(m('fcp')),
    'LCP ms': Math.round(m('lcp')),
    'TBT ms': Math.round(m('tbt')),
    CLS: Number(m('cls').toFixed(3)),
    'transfer KiB': Number((m('transfer') / 1024).toFixed(1)),
    'longest task ms': Math.round(m('longest')),
  };
}

const server = await startServer();
try {
  const url = `${server.url}${path}`;
  const mobile = [];
  for (let i = 0; i < runs; i++) mobile.push(await once(url, undefined));
  const desktop = [await once(url, desktopConfig)];
  console.log(`Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version} on ${url}`);
  console.table([summary('mobile (slow 4G, 4× CPU)', mobile), summary('desktop', desktop)]);
  console.log('mobile runs:', JSON.stringify(mobile));
} finally {
  await server.stop();
}
