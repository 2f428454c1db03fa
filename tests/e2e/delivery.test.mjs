// Delivering the app: every page under the server's Content-Security-Policy with no violation, the build's
// precompressed files sent as they are, the wasm downloaded once on a first visit (the service worker fills
// its precache from the HTTP cache), and the CDN files (netlify.toml, vercel.json) agreeing with the server
// and covering every route the app has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distDir, serverAndBrowser, withPage } from './harness.mjs';

const ctx = serverAndBrowser();
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The app's routes, read from its router (app/src/app.rs). */
function appRoutes() {
  const source = readFileSync(join(root, 'app/src/app.rs'), 'utf8');
  const routes = [...source.matchAll(/path!\("([^"]*)"\)/g)].map((m) => m[1]);
  assert.ok(routes.includes('/') && routes.includes('/test'), `routes read from app.rs: ${routes}`);
  return routes;
}

const PAGES = [...appRoutes(), '/no/such/page'];
const SECURITY = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'permissions-policy'];

test('every page runs under the Content-Security-Policy with no violation', async () => {
  const res = await fetch(`${ctx.server.url}/`);
  const csp = res.headers.get('content-security-policy');
  assert.ok(csp && !csp.includes("'unsafe-eval'") && !csp.includes("'unsafe-inline'"), csp);
  // Every inline script of the build is allowed by its hash (the message says which hash to write).
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  for (const [, body] of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    assert.ok(csp.includes(hash), `index.html's inline script changed: put ${hash} in sync-server/src/headers.rs, netlify.toml and vercel.json`);
  }
  assert.ok(!/<style>/.test(html), 'index.html has no inline style (the policy allows none)');
  await withPage(ctx.browser, 'csp', async (page) => {
    const violations = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    await page.exposeFunction('reportViolation', (v) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
    });
    for (const path of PAGES) {
      await page.goto(`${ctx.server.url}${path}`);
      await page.waitForSelector('[data-testid=logo]');
      // The on-screen keyboard sets its widths and heat through the CSSOM, never a style attribute.
      if (path === '/test') await page.waitForSelector('.key');
    }
    await page.goto(`${ctx.server.url}/test`);
    await page.keyboard.type('a');
    assert.deepEqual(violations, []);
  });
});

test('the build’s brotli and gzip copies are sent as they are, hashed files cached for a year', async () => {
  const wasm = mainWasm();
  for (const [accept, encoding, ext] of [['br, gzip', 'br', '.br'], ['gzip', 'gzip', '.gz']]) {
    const res = await fetch(`${ctx.server.url}/${wasm}`, { headers: { 'accept-encoding': accept } });
    assert.equal(res.headers.get('content-encoding'), encoding);
    assert.equal(Number(res.headers.get('content-length')), statSync(join(distDir, wasm + ext)).size);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(res.headers.get('vary'), 'accept-encoding');
    await res.arrayBuffer();
  }
  for (const path of ['/', '/test', '/sw.js', '/manifest.webmanifest']) {
    const res = await fetch(`${ctx.server.url}${path}`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(res.headers.get('cache-control'), 'no-cache', path);
    for (const name of SECURITY) assert.ok(res.headers.get(name), `${path}: ${name}`);
    await res.arrayBuffer();
  }
});

/** The main module's path in the build: `wasm-<hash>/klava-app_bg.wasm`. */
function mainWasm() {
  const folder = readdirSync(distDir).find((f) => /^wasm-[0-9a-f]{16}$/.test(f));
  assert.ok(folder, 'the build has its modules in a hashed folder');
  return `${folder}/klava-app_bg.wasm`;
}

/** Whether a build path's contents are fixed by a hash (its name's, or its folder's). */
const hashedPath = (p) => /-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(p) || /(^|\/)wasm-[0-9a-f]{16}\//.test(p);

/** A proxy in front of the server that counts the requests for each path. */
async function countingProxy(target) {
  const counts = new Map();
  const { hostname, port } = new URL(target);
  const proxy = http.createServer((req, res) => {
    const path = req.url.split('?')[0];
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const upstream = http.request({ hostname, port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => { res.writeHead(502); res.end(); });
    req.pipe(upstream);
  });
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${proxy.address().port}`, counts, stop: () => new Promise((r) => proxy.close(r)) };
}

test('a first visit downloads the wasm once: the service worker precaches from the HTTP cache', async () => {
  const proxy = await countingProxy(ctx.server.url);
  try {
    await withPage(ctx.browser, 'download-once', async (page) => {
      await page.goto(`${proxy.url}/test`);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
      const cached = await page.evaluate(async () => {
        const keys = await caches.keys();
        const cache = await caches.open(keys.find((k) => k.startsWith('klava-')));
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
      });
      const wasm = `/${mainWasm()}`;
      assert.ok(cached.includes(wasm), `the main module is precached: ${cached}`);
      assert.ok(cached.some((p) => /split_data_view_\w+\.wasm$/.test(p)), 'and the lazy pages, for offline use');
      for (const [path, n] of proxy.counts) {
        if (hashedPath(path)) assert.equal(n, 1, `${path} was requested ${n} times`);
      }
      assert.equal(proxy.counts.get(wasm), 1);
    });
  } finally {
    await proxy.stop();
  }
});

/** netlify.toml's [[redirects]] and [[headers]] blocks, read well enough for this test. */
function netlify() {
  const text = readFileSync(join(root, 'netlify.toml'), 'utf8');
  const blocks = text.split(/^\[\[/m).slice(1);
  const field = (b, k) => b.match(new RegExp(`^\\s*${k} = (.*)$`, 'm'))?.[1];
  const redirects = blocks.filter((b) => b.startsWith('redirects]]')).map((b) => ({
    from: JSON.parse(field(b, 'from')), to: JSON.parse(field(b, 'to')), status: Number(field(b, 'status')),
  }));
  const headers = blocks.filter((b) => b.startsWith('headers]]')).map((b) => ({
    for: JSON.parse(field(b, 'for')),
    values: Object.fromEntries([...b.matchAll(/^\s{4}([A-Za-z-]+) = (".*")$/gm)].map((m) => [m[1].toLowerCase(), JSON.parse(m[2])])),
  }));
  return { redirects, headers };
}

test('netlify.toml and vercel.json send the server’s headers and route every app path to the app', async () => {
  const res = await fetch(`${ctx.server.url}/`);
  await res.arrayBuffer();
  const expected = Object.fromEntries(SECURITY.map((n) => [n, res.headers.get(n)]));
  const n = netlify();
  const v = JSON.parse(readFileSync(join(root, 'vercel.json'), 'utf8'));
  const nAll = n.headers.find((h) => h.for === '/*').values;
  const vAll = Object.fromEntries(v.headers.find((h) => h.source === '/(.*)').headers.map((h) => [h.key.toLowerCase(), h.value]));
  assert.deepEqual(nAll, expected, 'netlify.toml: the security headers');
  assert.deepEqual(vAll, expected, 'vercel.json: the security headers');
  for (const route of appRoutes()) {
    assert.ok(n.redirects.some((r) => r.from === route && r.to === '/index.html' && r.status === 200), `netlify.toml: no rule for ${route}`);
    assert.ok(v.rewrites.some((r) => r.source === route && r.destination === '/index.html'), `vercel.json: no rewrite for ${route}`);
  }
  const nApi = n.redirects.find((r) => r.from === '/api/*');
  const vApi = v.rewrites.find((r) => r.source === '/api/:path*');
  assert.ok(nApi && vApi, 'both proxy /api to the sync server');
  assert.equal(new URL(nApi.to).origin, new URL(vApi.destination).origin, 'one sync server address in both');
  // Caching as the server does it: the build's hashed files immutable, the rest revalidated.
  const hashed = readdirSync(distDir, { recursive: true }).filter((f) => hashedPath(f) && !/\.(br|gz)$/.test(f));
  for (const file of hashed) {
    const nRule = n.headers.find((h) => h.values['cache-control'] && new RegExp(`^${h.for.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`).test(`/${file}`));
    assert.equal(nRule?.values['cache-control'], 'public, max-age=31536000, immutable', `netlify.toml: ${file}`);
    const vRule = v.headers.find((h) => h.source !== '/(.*)' && new RegExp(`^${h.source}$`).test(`/${file}`));
    assert.equal(vRule?.headers.find((x) => x.key === 'Cache-Control')?.value, 'public, max-age=31536000, immutable', `vercel.json: ${file}`);
  }
  for (const file of ['/index.html', '/sw.js', '/manifest.webmanifest']) {
    assert.equal(n.headers.find((h) => h.for === file)?.values['cache-control'], 'no-cache', `netlify.toml: ${file}`);
    const vRule = v.headers.find((h) => h.source !== '/(.*)' && new RegExp(`^${h.source}$`).test(file));
    assert.equal(vRule?.headers.find((x) => x.key === 'Cache-Control')?.value, 'no-cache', `vercel.json: ${file}`);
  }
});

test('a lazy page’s module is fetched only when the page is first opened', async () => {
  const context = await ctx.browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${ctx.server.url}/test`);
    await page.waitForSelector('[data-testid=text] .word');
    assert.ok(fetched.some((p) => p.endsWith('/klava-app_bg.wasm')), 'the main module');
    assert.deepEqual(fetched.filter((p) => /split_|chunk_/.test(p)), [], 'no page module on the test page');
    await page.click('[data-testid=tab-data]');
    await page.waitForSelector('[data-testid=storage-state]');
    assert.ok(fetched.some((p) => /split_data_view_\w+\.wasm$/.test(p)), `the Data page's module: ${fetched}`);
    assert.ok(!fetched.some((p) => /split_(history|settings)_view/.test(p)), 'and no other page’s');
  } finally {
    await context.close();
  }
});
