// Shared set-up for the end-to-end tests: the real sync server serving the release build, and headless
// Debian Chromium driven by playwright-core. A failing test leaves a screenshot in tests/e2e/artifacts/.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
export const artifacts = join(here, 'artifacts');

/** The built app the tests serve. */
export const distDir = process.env.KLAVA_DIST ?? join(root, 'dist');

/**
 * Starts the server on a free port (or `addr`) with a fresh SQLite directory, serving `dist` (the build by
 * default); resolves to { url, stop }.
 */
export async function startServer({ dist = distDir, addr = '127.0.0.1:0' } = {}) {
  const bin = process.env.KLAVA_SERVER_BIN ?? join(root, 'target/debug/klava-sync-server');
  const dataDir = mkdtempSync(join(tmpdir(), 'klava-e2e-'));
  const env = { ...process.env, RUST_LOG: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(bin, ['--addr', addr, '--data-dir', dataDir, '--static-dir', dist], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 20 s: ${stderr}`)), 20_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/Klava is running at (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}): ${stderr}`)); });
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, stop };
}

/** Launches headless Chromium with the flags this machine needs, without which it tries to reach the network. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * Runs `body(page)` in a fresh browser context (a fresh profile, with Playwright's `options` for it:
 * a time zone, blocked service workers); on failure saves a screenshot named after the test, then
 * rethrows. Page errors fail the test.
 */
export async function withPage(browser, name, body, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 640 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await body(page);
    if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
  } catch (e) {
    mkdirSync(artifacts, { recursive: true });
    const file = join(artifacts, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    e.message += `\n(screenshot: ${file})`;
    throw e;
  } finally {
    await context.close();
  }
}

/**
 * One server and one browser for a test file: started before its tests, stopped after them. Returns an
 * object whose `server` and `browser` are set once started.
 */
export function serverAndBrowser() {
  const ctx = { server: null, browser: null };
  before(async () => { ctx.server = await startServer(); ctx.browser = await launchBrowser(); });
  after(async () => { await ctx.browser?.close(); await ctx.server?.stop(); });
  return ctx;
}

/** The path of a backup of `sessions` generated sessions for the benchmarks (klava-core's `gen_backup`
 * example), made the first time it is asked for; with `days`, a learner's sessions over that many days,
 * the last ending at 1.7e12 ms + `days` days. */
export function generatedBackup(sessions, days) {
  const file = join(root, 'target', `klava-bench-${sessions}${days ? `-${days}d` : ''}.json`);
  if (!existsSync(file)) {
    const args = ['run', '--release', '-q', '-p', 'klava-core', '--example', 'gen_backup', '--', `${sessions}`, file, ...(days ? [`${days}`] : [])];
    console.log(execFileSync('cargo', args, { cwd: root, encoding: 'utf8' }).trim());
  }
  return file;
}
