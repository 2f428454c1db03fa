// Backups: export, import into a fresh profile, import twice, other trainers' files, bad files, reset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, withPage } from './harness.mjs';
import { finishTest, historyRows, saved } from './page.mjs';

const ctx = serverAndBrowser();

async function importText(page, name, text) {
  await page.click('[data-testid=tab-data]');
  await page.setInputFiles('[data-testid=import-file]', { name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) });
  // The previous outcome is cleared when a file is chosen; wait for this one's.
  await page.waitForSelector('[data-testid=import-file]:not([disabled])');
  await page.waitForSelector('[data-testid=import-done], [data-testid=import-error]');
  const done = await page.$('[data-testid=import-done]');
  return { ok: !!done, text: await (done ?? await page.$('[data-testid=import-error]')).textContent() };
}

test('export, then import into a fresh profile, gives the same history; importing twice changes nothing', async () => {
  let file;
  let rows;
  await withPage(ctx.browser, 'export', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await finishTest(page);
    await page.click('[data-testid=restart]');
    await finishTest(page);
    await saved(page);
    rows = await historyRows(page);
    await page.click('[data-testid=tab-data]');
    const download = page.waitForEvent('download');
    await page.click('[data-testid=export]');
    const d = await download;
    assert.match(d.suggestedFilename(), /^klava-backup-\d{4}-\d{2}-\d{2}\.json$/);
    file = Buffer.concat(await (await d.createReadStream()).toArray()).toString();
  });
  const backup = JSON.parse(file);
  assert.equal(backup.format, 'klava-backup');
  assert.equal(backup.version, 1);
  assert.equal(backup.records.filter((r) => r.body.type === 'session').length, 2);
  await withPage(ctx.browser, 'import', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    const first = await importText(page, 'backup.json', file);
    assert.ok(first.ok, first.text);
    assert.match(first.text, /Imported Klava backup: \d+ new, 0 already here/);
    assert.deepEqual(await historyRows(page), rows);
    const second = await importText(page, 'backup.json', file);
    assert.match(second.text, /: 0 new, \d+ already here/);
    await page.reload();
    assert.deepEqual(await historyRows(page), rows, 'kept across a reload');
  });
});

test('a malformed, truncated or foreign file gives an error and changes nothing', async () => {
  await withPage(ctx.browser, 'bad import', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await finishTest(page);
    await saved(page);
    const cases = [
      ['empty.json', '', /The file is empty/],
      ['cut.json', '{"format":"klava-backup","version":1,"records":[{"id":"a', /The file is incomplete: it ends in the middle/],
      ['edited.json', '{"format":"klava-backup",\n "version":1,,}', /not valid JSON: something is wrong at line 2, character 14/],
      ['columns.csv', '_id,wpm,accuracy,timestamp\nx,1,2,3\n', /lacks the columns acc, testDuration \(it has: _id, wpm, accuracy, timestamp\)/],
      ['future.json', JSON.stringify({ format: 'klava-backup', version: 1, exported_at_ms: 0, device: 'd', records: [{ id: 'f1', device: 'd',
        body: { type: 'setting', key: 'theme', value: '"dark"', hlc: { ms: Date.now() + 3 * 86_400_000, counter: 0, device: 'd' } } }] }),
        /Record 1 of the backup is damaged: it is dated \d{4}-\d\d-\d\d \d\d:\d\d, in the future/],
      ['other.json', '{"name":"not a backup"}', /not a file Klava can import/],
      ['newer.json', '{"format":"klava-backup","version":7,"records":[]}', /newer version of Klava/],
      ['bad.json', '{"format":"klava-backup","version":1,"exported_at_ms":0,"device":"d","records":[{"id":"x y","device":"d","body":{"type":"delete","target":"a"}}]}', /Record 1 of the backup is damaged/],
    ];
    for (const [name, text, message] of cases) {
      const r = await importText(page, name, text);
      assert.ok(!r.ok, name);
      assert.match(r.text, message);
      assert.match(r.text, /Nothing was changed/);
    }
    assert.equal((await historyRows(page)).length, 1);
  });
});

test('Monkeytype and keybr.com exports are imported with a report of what did not map', async () => {
  await withPage(ctx.browser, 'other trainers', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    const csv = '_id,isPb,wpm,acc,rawWpm,consistency,charStats,mode,mode2,quoteLength,restartCount,testDuration,'
      + 'afkDuration,incompleteTestSeconds,punctuation,numbers,language,funbox,difficulty,lazyMode,blindMode,bailedOut,tags,timestamp\n'
      + '64f0c1a2b3c4d5e6f7a8b9c0,true,71.25,97.5,74.1,80.2,178;3;1;0,time,30,-1,2,30,0,0,false,false,english,none,normal,false,false,false,,1700000000000\n';
    const mt = await importText(page, 'results.csv', csv);
    assert.ok(mt.ok, mt.text);
    assert.match(mt.text, /Imported Monkeytype results: 1 new/);
    assert.match(mt.text, /Not imported: .*restartCount/);
    const keybr = JSON.stringify([{ layout: 'en-us', textType: 'generator', timeStamp: '2024-02-29T12:34:56.789Z',
      length: 150, time: 36000, errors: 3, speed: 250,
      histogram: [{ codePoint: 101, hitCount: 20, missCount: 1, timeToType: 180.5 }] }]);
    const kb = await importText(page, 'keybr.json', keybr);
    assert.ok(kb.ok, kb.text);
    const rows = await historyRows(page);
    assert.equal(rows.length, 2);
    assert.match(rows[0], /Feb 29, 2024.*keybr\.com generator.*50\.0.*keybr\.com/);
    assert.match(rows[1], /30 s.*71\.2.*Monkeytype/);
  });
});

test('reset deletes everything after confirmation', async () => {
  await withPage(ctx.browser, 'reset', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await page.click('[data-testid=length-50]');
    await finishTest(page);
    await saved(page);
    await page.click('[data-testid=tab-data]');
    await page.click('[data-testid=reset]');
    assert.equal((await historyRows(page)).length, 1, 'asking is not deleting');
    await page.click('[data-testid=tab-data]');
    await page.click('[data-testid=reset]');
    await Promise.all([page.waitForEvent('load'), page.click('[data-testid=reset-confirm]')]);
    assert.equal((await historyRows(page)).length, 0);
    await page.click('[data-testid=tab-practice]');
    assert.equal(await page.getAttribute('[data-testid=length-25]', 'aria-pressed'), 'true', 'settings are back to the defaults');
  });
});

test('a newer settings change in an imported backup is applied, and not recorded again', async () => {
  await withPage(ctx.browser, 'settings from the log', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await page.waitForSelector('[data-testid=layout]');
    const value = JSON.stringify({ layout: 'dvorak', input: 'Emulate', show_keyboard: true, finger_colours: false, heatmap: 'Off' });
    const hlc = { ms: Date.now() + 60_000, counter: 0, device: 'other-device' };
    const backup = JSON.stringify({ format: 'klava-backup', version: 1, exported_at_ms: Date.now(), device: 'other-device',
      records: [{ id: 'setting-1', device: 'other-device', body: { type: 'setting', key: 'keyboard', value, hlc } }] });
    const r = await importText(page, 'other.json', backup);
    assert.ok(r.ok, r.text);
    await page.click('[data-testid=tab-practice]');
    await page.waitForSelector('[data-testid=layout] option:checked', { state: 'attached' });
    assert.match(await page.$eval('[data-testid=layout] option:checked', (o) => o.textContent), /Dvorak/);
    assert.equal(await page.$eval('[data-testid=input-mode]', (s) => s.value), 'emulate');
    await page.reload();
    await page.waitForSelector('[data-testid=layout] option:checked', { state: 'attached' });
    assert.match(await page.$eval('[data-testid=layout] option:checked', (o) => o.textContent), /Dvorak/, 'kept');
    await page.click('[data-testid=tab-data]');
    const download = page.waitForEvent('download');
    await page.click('[data-testid=export]');
    const out = JSON.parse(Buffer.concat(await (await (await download).createReadStream()).toArray()).toString());
    assert.deepEqual(out.records.filter((x) => x.body.type === 'setting').map((x) => x.id), ['setting-1']);
  });
});

test('two records with one id and other content: the same one is kept whichever came first, the other set aside', async () => {
  const files = {};
  let rows;
  await withPage(ctx.browser, 'twin: original first', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    await finishTest(page);
    await saved(page);
    await page.click('[data-testid=tab-data]');
    const download = page.waitForEvent('download');
    await page.click('[data-testid=export]');
    files.original = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString();
    const twin = JSON.parse(files.original);
    const session = twin.records.find((r) => r.body.type === 'session');
    session.body.summary.wpm = 123.4;
    twin.records = [session];
    files.twin = JSON.stringify(twin);
    const r = await importText(page, 'twin.json', files.twin);
    assert.ok(r.ok, r.text);
    assert.match(r.text, /0 new, 0 already here/);
    assert.match(await page.textContent('[data-testid=import-twins]'), /^1 of them had the id of a record already here/);
    assert.match(await page.textContent('.unreadable'), /twin-.*has the id of another record but other content/);
    rows = await historyRows(page);
    assert.equal(rows.length, 1);
    await page.reload();
    assert.deepEqual(await historyRows(page), rows, 'the choice is stored, not only shown');
  });
  await withPage(ctx.browser, 'twin: changed one first', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    assert.ok((await importText(page, 'twin.json', files.twin)).ok);
    const r = await importText(page, 'backup.json', files.original);
    assert.ok(r.ok, r.text);
    assert.match(await page.textContent('[data-testid=import-twins]'), /^1 of them/);
    assert.deepEqual(await historyRows(page), rows, 'the same session is kept in either order');
  });
});
