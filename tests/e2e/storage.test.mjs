// Progress is kept: saved the moment a test ends, across reloads and closed tabs; unreadable records are
// set aside; a full quota or blocked storage is said plainly and loses nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, withPage } from './harness.mjs';
import { finishTest, historyRows, saved } from './page.mjs';

const ctx = serverAndBrowser();

test('a finished test is in the history after a reload', async () => {
  await withPage(ctx.browser, 'history after reload', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    // Slow enough for key times to count (over 40 ms), and long enough for some letter to be timed five
    // times (ten random words may have none).
    await finishTest(page, 60, 25);
    await saved(page);
    await page.waitForFunction(() => document.querySelector('[data-testid=save-note]')?.textContent.includes('Saved in this browser'));
    await page.reload();
    const rows = await historyRows(page);
    assert.equal(rows.length, 1);
    assert.match(rows[0], /English \(US\) · QWERTY.*25 words/);
    assert.match(await page.textContent('[data-testid=bests]'), /English \(US\) · QWERTY · 25 words/);
    assert.match(await page.textContent('[data-testid=overview]'), /English \(US\) · QWERTY: 1 session, under a minute/);
    assert.match(await page.textContent('[data-testid=slowest-keys]'), /Slowest keys lately: \S+ \d+ ms/,
      'statistics from the replayed key log');
  });
});

/** Opens a page of `context` whose IndexedDB writes all fail (as if the tab closed before the save could
 * finish) and finishes a test there: only the outbox can keep the session. */
async function finishUnsaved(context) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () { throw new DOMException('blocked by the test', 'UnknownError'); };
  });
  await page.goto(`${ctx.server.url}/test`);
  await finishTest(page);
  return page;
}

test('closing the tab right after finishing loses nothing', async () => {
  const context = await ctx.browser.newContext();
  try {
    const page = await finishUnsaved(context);
    assert.ok(await page.evaluate(() => localStorage.getItem('klava.outbox')), 'the session waits in the outbox');
    await page.close();
    const again = await context.newPage();
    await again.goto(`${ctx.server.url}/test`);
    assert.equal((await historyRows(again)).length, 1);
    await saved(again);
    await again.reload();
    assert.equal((await historyRows(again)).length, 1, 'still one after the outbox went to IndexedDB');
  } finally {
    await context.close();
  }
});

test('an unreadable record is set aside, listed and exported, and the app starts', async () => {
  await withPage(ctx.browser, 'unreadable record', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await finishTest(page);
    await saved(page);
    await page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('klava');
      open.onsuccess = () => {
        const tx = open.result.transaction('records', 'readwrite');
        tx.objectStore('records').put({ id: 'damaged-1', seq: 1000, json: '{"id":"damaged-1","device":"x","bo' });
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }));
    await page.reload();
    assert.equal((await historyRows(page)).length, 1, 'the good session is still there');
    await page.click('[data-testid=tab-data]');
    await page.waitForSelector('[data-testid=unreadable-count]');
    assert.match(await page.textContent('[data-testid=unreadable-count]'), /^1 stored record could not be read/);
    const download = page.waitForEvent('download');
    await page.click('[data-testid=export]');
    const backup = JSON.parse(await (await (await download).createReadStream()).toArray().then((b) => Buffer.concat(b).toString()));
    assert.equal(backup.records.filter((r) => r.body.type === 'session').length, 1);
    assert.deepEqual(backup.unreadable, ['{"id":"damaged-1","device":"x","bo']);
    // Sessions after it are still found by the incremental fold (the damaged record has a high seq).
    await page.click('[data-testid=tab-practice]');
    await finishTest(page);
    await saved(page);
    // Reloaded before the cache is rewritten: the new session is found after the cache's mark.
    await page.reload();
    assert.equal((await historyRows(page)).length, 2);
    await page.click('[data-testid=tab-data]');
    assert.match(await page.textContent('[data-testid=unreadable-count]'), /^1 stored record could/, 'listed once');
  });
});

test('a full quota says so, keeps the session, and saves it once there is room', async () => {
  await withPage(ctx.browser, 'quota full', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await page.waitForSelector('[data-testid=storage-state]', { state: 'detached' }).catch(() => {});
    const cdp = await page.context().newCDPSession(page);
    const origin = new URL(ctx.server.url).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
    await finishTest(page);
    await page.waitForSelector('[data-testid=storage-problem]');
    assert.match(await page.textContent('[data-testid=storage-problem]'), /Storage is full/);
    assert.match(await page.textContent('[data-testid=save-note]'), /Not saved yet: kept in this tab/);
    assert.equal((await historyRows(page)).length, 1, 'the session is shown even though it is not stored');
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.click('[data-testid=tab-practice]');
    await finishTest(page);
    await saved(page);
    assert.equal(await page.$('[data-testid=storage-problem]'), null, 'the banner goes once saving works');
    await page.reload();
    assert.equal((await historyRows(page)).length, 2, 'both sessions were stored');
  });
});

test('one unreadable outbox entry costs nothing else: it is set aside, listed and exported', async () => {
  const context = await ctx.browser.newContext();
  try {
    const page = await finishUnsaved(context);
    // An entry written by a newer version (or damaged) beside the session waiting to be saved.
    const damaged = { id: 'from-the-future', device: 'd', body: { type: 'streak_freeze', days: 2 } };
    await page.evaluate((d) => localStorage.setItem('klava.outbox',
      JSON.stringify([...JSON.parse(localStorage.getItem('klava.outbox')), d])), damaged);
    await page.close();
    const again = await context.newPage();
    await again.goto(`${ctx.server.url}/test`);
    assert.equal((await historyRows(again)).length, 1, 'the readable session is kept');
    await saved(again);
    await again.click('[data-testid=tab-data]');
    await again.waitForSelector('[data-testid=unreadable-count]');
    assert.match(await again.textContent('.unreadable'), /outbox-[0-9a-f]{16}/);
    const download = again.waitForEvent('download');
    await again.click('[data-testid=export]');
    const backup = JSON.parse(Buffer.concat(await (await (await download).createReadStream()).toArray()).toString());
    assert.deepEqual(backup.unreadable.map((u) => JSON.parse(u)), [damaged]);
    await again.reload();
    assert.equal((await historyRows(again)).length, 1, 'stored, not only shown');
  } finally {
    await context.close();
  }
});

test('two tabs finishing at the same moment both keep their session', async () => {
  const context = await ctx.browser.newContext();
  try {
    const [a, b] = [await context.newPage(), await context.newPage()];
    await Promise.all([a.goto(`${ctx.server.url}/test`), b.goto(`${ctx.server.url}/test`)]);
    await Promise.all([finishTest(a), finishTest(b)]);
    await Promise.all([saved(a), saved(b)]);
    await a.reload();
    assert.equal((await historyRows(a)).length, 2);
  } finally {
    await context.close();
  }
});

test('with storage blocked the app works and says progress will not be kept', async () => {
  await withPage(ctx.browser, 'storage blocked', async (page) => {
    await page.addInitScript(() => {
      // What blocked site data looks like to a page: IndexedDB and LocalStorage both refuse.
      IDBFactory.prototype.open = () => { throw new DOMException('blocked', 'SecurityError'); };
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
      });
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${ctx.server.url}/test`);
    await page.waitForSelector('[data-testid=storage-unavailable]');
    assert.match(await page.textContent('[data-testid=storage-unavailable]'), /progress will not be kept/);
    await finishTest(page);
    assert.match(await page.textContent('[data-testid=save-note]'), /Not kept/);
    assert.equal((await historyRows(page)).length, 1);
    assert.deepEqual(errors, [], 'nothing panicked');
  });
});

test('a v1 database is migrated into the record log', async () => {
  await withPage(ctx.browser, 'v1 migration', async (page) => {
    // A page of the same origin that does not run the app, to create the old database first.
    await page.goto(`${ctx.server.url}/manifest.webmanifest`);
    await page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('klava', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('sessions', { keyPath: 'id' });
      open.onsuccess = () => {
        const session = {
          ended_at_ms: 1700000000000, utc_offset_min: 0, profile: { layout: 'us', language: 'en' },
          mode: { kind: 'words', amount: 25, punctuation: false, numbers: false },
          summary: { wpm: 61.5, raw_wpm: 63, accuracy: 97, consistency: 80, duration_ms: 24000,
            chars: { correct: 120, incorrect: 3, extra: 0, missed: 0, spaces: 24, correct_spaces: 24, correct_word_chars: 118 },
            keystrokes: 147, errors: 3 },
        };
        const tx = open.result.transaction('sessions', 'readwrite');
        tx.objectStore('sessions').put({ id: 'v1-session', session: JSON.stringify(session) });
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    }));
    await page.goto(`${ctx.server.url}/test`);
    const rows = await historyRows(page);
    assert.equal(rows.length, 1);
    assert.match(rows[0], /Nov 14, 2023.*25 words.*61\.5/);
    const left = await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('klava');
      open.onsuccess = () => {
        const db = open.result;
        const r = db.transaction('sessions').objectStore('sessions').count();
        r.onsuccess = () => { resolve([db.version, r.result]); db.close(); };
      };
    }));
    assert.deepEqual(left, [3, 0], 'schema v3 (v2 and v3 stores added), the v1 store emptied');
  });
});

test('deleting a session removes it from the history and the bests, and stays deleted', async () => {
  await withPage(ctx.browser, 'delete session', async (page) => {
    page.on('dialog', (d) => d.accept());
    await page.goto(`${ctx.server.url}/test`);
    await finishTest(page);
    await page.click('[data-testid=restart]');
    await finishTest(page);
    await saved(page);
    const rows = await historyRows(page);
    assert.equal(rows.length, 2);
    await page.click('[data-testid=history-row]:first-child [data-testid=delete-session]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=history-row]').length === 1);
    assert.equal((await historyRows(page))[0], rows[1]);
    await saved(page);
    await page.reload();
    assert.deepEqual(await historyRows(page), [rows[1]]);
  });
});
