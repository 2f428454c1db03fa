// The installable, offline app: a manifest with icons, a service worker that precaches the build, a
// second visit that loads and works with the server gone, and a new deploy offered without cutting a test
// short.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { distDir, launchBrowser, startServer } from './harness.mjs';
import { finishTest, historyRows, saved, targetWords } from './page.mjs';

const browser = await launchBrowser();
after(() => browser.close());

/** A copy of the build that a test may change (a "new deploy"). */
function copyOfDist() {
  const dir = mkdtempSync(join(tmpdir(), 'klava-dist-'));
  cpSync(distDir, dir, { recursive: true });
  return dir;
}

/** Opens the app and waits until the service worker controls the page. */
async function openControlled(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

test('the manifest is installable and the worker precaches exactly the build', async () => {
  const server = await startServer();
  try {
    const manifest = await (await fetch(`${server.url}/manifest.webmanifest`)).json();
    assert.equal(manifest.display, 'standalone');
    assert.deepEqual(manifest.icons.map((i) => i.sizes), ['192x192', '512x512', 'any']);
    for (const icon of manifest.icons) assert.equal((await fetch(`${server.url}/${icon.src}`)).status, 200, icon.src);
    const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
    const list = JSON.parse(sw.match(/const PRECACHE = (\[.*\]);/)[1]);
    assert.ok(list.some((p) => /\.wasm$/.test(p)) && list.some((p) => /^\.\/wasm-[0-9a-f]{16}\/klava-app\.js$/.test(p)), sw);
    for (const path of list) assert.equal((await fetch(`${server.url}/${path.slice(2)}`)).status, 200, path);
  } finally {
    await server.stop();
  }
});

/** Visits `url` once, stops the host, then checks the app reloads, and a test is typed and kept, offline. */
async function worksOffline(url, stopHost) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await openControlled(page, url);
    await stopHost();
    await page.reload();
    await finishTest(page);
    await saved(page);
    await page.reload();
    assert.equal((await historyRows(page)).length, 1);
  } finally {
    await context.close();
  }
}

test('a second visit loads and works with the server gone, and keeps what was typed', async () => {
  const server = await startServer();
  await worksOffline(server.url, server.stop);
});

/** A plain static file server (Python's http.server) on a free port, serving `dir`. */
async function staticHost(dir) {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir],
    { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop: () => new Promise((r) => { child.on('exit', r); child.kill(); }) };
}

test('served by a plain static host, the app also installs and works offline', async () => {
  const host = await staticHost(distDir);
  await worksOffline(host.url, host.stop);
});

test('a new deploy is offered mid-test without interrupting it, and reloading takes it', async () => {
  const dist = copyOfDist();
  const server = await startServer({ dist });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openControlled(page, `${server.url}/test`);
    const klavaCaches = () => page.evaluate(() => caches.keys().then((ks) => ks.filter((k) => k.startsWith('klava-'))));
    const before = await klavaCaches();
    assert.equal(before.length, 1, 'the build is precached under its version');
    const words = await targetWords(page);
    // Two letters, or one when the first word has one ("a", "I", "и").
    const typed = words[0].slice(0, 2);
    await page.keyboard.type(typed, { delay: 20 });
    // A new deploy: its build hashes to another version.
    const sw = join(dist, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION = "[0-9a-f]+"/, 'const VERSION = "0000000000000002"'));
    // Its precompressed copies are rebuilt with it; here they are removed, so the new file is what is sent.
    rmSync(`${sw}.br`, { force: true });
    rmSync(`${sw}.gz`, { force: true });
    // Last-Modified has one-second steps: make the new file's differ, as a real deploy's would.
    const later = new Date(Date.now() + 10_000);
    utimesSync(sw, later, later);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.waitForSelector('[data-testid=update-available]', { timeout: 20_000 }).catch(async (e) => {
      const state = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => ({
        installing: r.installing?.state, waiting: r.waiting?.state, active: r.active?.state,
        controller: navigator.serviceWorker.controller?.state })));
      throw new Error(`${e.message}: ${JSON.stringify(state)}`);
    });
    assert.deepEqual(await targetWords(page), words, 'the test in progress is still there');
    assert.equal(await page.$$eval('[data-testid=text] .ch.correct', (c) => c.length), typed.length, 'with what was typed');
    await Promise.all([page.waitForEvent('load'), page.click('[data-testid=update-reload]')]);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const active = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !r.waiting && !!r.active));
    assert.ok(active, 'the new worker is active, none waiting');
    assert.equal(await page.$('[data-testid=update-available]'), null);
    const now = await klavaCaches();
    assert.equal(now.length, 1, 'the old version\'s cache is removed');
    assert.deepEqual(now, ['klava-0000000000000002'], 'the new version has its own cache');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.stop();
    rmSync(dist, { recursive: true, force: true });
  }
});
