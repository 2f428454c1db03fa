// The app shell: real URLs (direct load, reload, back/forward, titles, not found), a test kept while the
// learner looks elsewhere, test links, the language switch, keyboard-only use, phones, several tabs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serverAndBrowser, withPage, artifacts } from './harness.mjs';
import { targetWords, typeWords, caret, charClass, saved } from './page.mjs';

const ctx = serverAndBrowser();

/** Each page: its path and an element only it has. */
const PAGES = [
  ['/', 'home'],
  ['/test', 'typing-area'],
  ['/learn', 'unit-home'],
  ['/practice', 'practice-start'],
  ['/dictation', 'dictation-start'],
  ['/review', 'review-start'],
  ['/progress', 'history-count'],
  ['/history', 'history-count'],
  ['/settings', 'settings-layout'],
  ['/data', 'storage-state'],
  ['/no/such/page', 'not-found'],
];

test('every path loads directly and on reload, with its own title; back and forward work', async () => {
  await withPage(ctx.browser, 'paths', async (page) => {
    const titles = new Set();
    for (const [path, id] of PAGES) {
      await page.goto(`${ctx.server.url}${path}`);
      await page.waitForSelector(`[data-testid=${id}]`);
      await page.reload();
      await page.waitForSelector(`[data-testid=${id}]`);
      const title = await page.title();
      assert.match(title, / · Klava$/, path);
      titles.add(title);
      assert.equal(await page.$$eval('h1', (h) => h.length), 1, `one h1 on ${path}`);
      assert.equal(await page.$$eval('main', (m) => m.length), 1, `one main landmark on ${path}`);
    }
    // /history is another address of /progress, with its title.
    assert.equal(titles.size, PAGES.length - 1, 'every page has its own title');
    await page.goto(`${ctx.server.url}/`);
    await page.click('[data-testid=tab-practice]');
    await page.waitForSelector('[data-testid=typing-area]');
    await page.click('[data-testid=tab-progress]');
    await page.waitForSelector('[data-testid=history-count]');
    assert.equal(await page.getAttribute('[data-testid=tab-progress]', 'aria-current'), 'page');
    await page.goBack();
    await page.waitForSelector('[data-testid=typing-area]');
    assert.match(page.url(), /\/test\?mode=words&n=25$/);
    await page.goBack();
    await page.waitForSelector('[data-testid=home]');
    await page.goForward();
    await page.goForward();
    await page.waitForSelector('[data-testid=history-count]');
  });
});

test('leaving the test page and coming back keeps the test in progress', async () => {
  await withPage(ctx.browser, 'test kept', async (page) => {
    await page.goto(`${ctx.server.url}/test`);
    const words = await targetWords(page);
    await typeWords(page, words.slice(0, 2), 20);
    await page.keyboard.press('Space');
    await page.click('[data-testid=tab-settings]');
    await page.waitForSelector('[data-testid=settings-layout]');
    await page.click('[data-testid=tab-home]');
    assert.equal((await page.textContent('[data-testid=continue]')).trim(), 'Continue your test');
    await page.click('[data-testid=continue]');
    assert.deepEqual(await targetWords(page), words, 'the same text');
    assert.deepEqual(await caret(page), [2, 0], 'the caret where it was');
    await page.keyboard.type(words[2][0]);
    assert.match(await charClass(page, 2, 0), /\bcorrect\b/, 'typing goes on');
  });
});

test('a test link starts that test; a link naming no test Klava offers is corrected', async () => {
  await withPage(ctx.browser, 'test links', async (page) => {
    await page.goto(`${ctx.server.url}/test?mode=time&n=60&punctuation=1`);
    await targetWords(page);
    assert.equal(await page.textContent('[data-testid=progress]'), '60');
    assert.equal(await page.getAttribute('[data-testid=punctuation]', 'aria-pressed'), 'true');
    await page.goto(`${ctx.server.url}/test?mode=words&n=7`);
    await targetWords(page);
    assert.match(page.url(), /\/test\?mode=words&n=25$/, 'the stored test, since 7 words is not offered');
  });
});

/** Latin words of the visible interface (the text to type, key legends and layout names aside). */
async function latinWords(page) {
  return page.evaluate(() => {
    const skip = '[data-testid=text], .keyboard, option, .static, [lang=en], [data-testid=font-preview], code, kbd';
    const parts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      if (!el || el.closest(skip) || el.closest('[hidden]') || !el.checkVisibility()) continue;
      parts.push(walker.currentNode.textContent);
    }
    for (const el of document.querySelectorAll('[aria-label], [title]')) {
      if (el.closest(skip) || el.hasAttribute('lang')) continue;
      parts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '');
    }
    return parts.join(' ').match(/[A-Za-z]{2,}/g) ?? [];
  });
}

/** Names that stay as they are in every language: products, layouts, keys, fonts, file formats, units. */
const OWN_NAMES = new Set(['klava', 'Klava', 'EN', 'RU', 'English', 'US', 'QWERTY', 'Monkeytype', 'keybr', 'com', 'JetBrains',
  'Mono', 'Andika', 'Backspace', 'Tab', 'Enter', 'Esc', 'Caps', 'Lock', 'JSON', 'json', 'csv', 'Safari', 'NVDA', 'JAWS',
  'VoiceOver', 'Orca', 'px', 'Shift', 'XP', 'Dvorak', 'Colemak', 'DH', 'Workman', 'UK', 'Deutsch', 'QWERTZ', 'AZERTY', 'Fran']);

test('the language switch changes every visible string at once, without a reload', async () => {
  await withPage(ctx.browser, 'language switch', async (page) => {
    await page.goto(`${ctx.server.url}/test?mode=words&n=10`);
    await typeWords(page, await targetWords(page), 5);
    await page.waitForSelector('[data-testid=results]');
    await saved(page);
    mkdirSync(artifacts, { recursive: true });
    for (const [path, id] of [['/test', 'results'], ...PAGES]) {
      if (path !== '/test' || id === 'results') await page.goto(`${ctx.server.url}${path === '/test' && id === 'results' ? '/history' : path}`);
      await page.click('[data-testid=lang-en]');
      const english = (await page.textContent('main')).trim();
      const titleEn = await page.title();
      await page.click('[data-testid=lang-ru]');
      assert.equal(await page.getAttribute('html', 'lang'), 'ru');
      const russian = (await page.textContent('main')).trim();
      assert.notEqual(russian, english, `${path} changed`);
      assert.notEqual(await page.title(), titleEn, `${path}: the title changed`);
      const left = (await latinWords(page)).filter((w) => !OWN_NAMES.has(w));
      assert.deepEqual(left, [], `${path}: English left in the Russian interface`);
      await page.screenshot({ path: join(artifacts, `lang-ru-${id}.png`), fullPage: true });
      await page.click('[data-testid=lang-en]');
      await page.screenshot({ path: join(artifacts, `lang-en-${id}.png`), fullPage: true });
    }
    await page.reload();
    await page.waitForSelector('main');
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the choice is kept');
  });
});

test('the first visit speaks the browser’s language', async () => {
  const context = await ctx.browser.newContext({ locale: 'ru-RU' });
  try {
    const page = await context.newPage();
    await page.goto(`${ctx.server.url}/`);
    await page.waitForSelector('[data-testid=home]');
    assert.equal(await page.getAttribute('html', 'lang'), 'ru');
    assert.equal(await page.textContent('[data-testid=tab-settings]'), 'Настройки');
  } finally {
    await context.close();
  }
});

test('a whole test taken with the keyboard alone, with a visible focus ring', async () => {
  await withPage(ctx.browser, 'keyboard only', async (page) => {
    await page.goto(`${ctx.server.url}/`);
    await page.waitForSelector('[data-testid=home]');
    const focused = () => page.evaluate(() => document.activeElement?.dataset?.testid ?? document.activeElement?.tagName);
    const tabTo = async (id, key = 'Tab') => {
      for (let i = 0; i < 40 && (await focused()) !== id; i++) await page.keyboard.press(key);
      assert.equal(await focused(), id, `reached ${id} with ${key}`);
    };
    await tabTo('tab-practice');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(ring, 'none', 'the focused link shows a focus ring');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=typing-area]');
    assert.equal(await focused(), 'input-sink', 'the test page puts the learner in the typing area');
    await page.keyboard.press('Escape');
    assert.equal(await focused(), 'typing-area', 'Escape leaves the typing area');
    await tabTo('length-10', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=text] .word').length === 10);
    await tabTo('typing-area');
    await page.keyboard.press('Enter');
    assert.equal(await focused(), 'input-sink');
    await typeWords(page, await targetWords(page), 5);
    await page.waitForSelector('[data-testid=results]');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=typing-area]');
    assert.deepEqual(await caret(page), [0, 0], 'Tab then Enter started a new test');
    await page.keyboard.press('Escape');
    await tabTo('restart');
    await tabTo('tab-data', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=storage-state]');
  });
});

test('screen-reader mode announces the next word and each mistake once; results are announced', async () => {
  await withPage(ctx.browser, 'screen reader', async (page) => {
    await page.goto(`${ctx.server.url}/settings`);
    await page.click('[data-testid=settings-screen-reader]');
    await page.goto(`${ctx.server.url}/test?mode=words&n=10`);
    const words = await targetWords(page);
    // Everything the live region says, in order.
    await page.evaluate(() => {
      window.said = [];
      const region = document.querySelector('[data-testid=live-region]');
      new MutationObserver(() => window.said.push(region.textContent.replace(/\u200b/g, '')))
        .observe(region, { childList: true, characterData: true, subtree: true });
    });
    const said = () => page.evaluate(() => window.said);
    assert.equal(await page.$eval('[data-testid=live-region]', (r) => r.textContent.replace(/\u200b/g, '')), words[0]);
    await page.keyboard.type(words[0]);
    await page.keyboard.press('Space');
    await page.waitForFunction((w) => window.said.at(-1) === w, words[1]);
    const wrong = words[1][0] === 'z' ? 'q' : 'z';
    await page.keyboard.type(wrong);
    assert.equal((await said()).at(-1), `Mistake: expected ${words[1][0]}`);
    const count = (await said()).length;
    await page.keyboard.press('Backspace');
    await page.keyboard.type(wrong);
    await page.keyboard.type(wrong);
    assert.equal((await said()).length, count, 'more mistakes in the same word are not announced again');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await typeWords(page, words.slice(1), 5);
    await page.waitForSelector('[data-testid=results]');
    assert.match((await said()).at(-1), /^Test finished: \d+ words per minute, \d+% accuracy\.$/);
    assert.equal(await page.getAttribute('[data-testid=live-region]', 'aria-live'), 'polite');
  });
});

test('on a phone, tapping the text opens typing; no page scrolls sideways at 390 px', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const page = await context.newPage();
    await page.goto(`${ctx.server.url}/test?mode=words&n=10`);
    const words = await targetWords(page);
    await page.evaluate(() => document.activeElement.blur());
    await page.tap('[data-testid=text]');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), 'input-sink', 'the tap focused the input');
    await page.keyboard.insertText(words[0]);
    for (let i = 0; i < words[0].length; i++) assert.match(await charClass(page, 0, i), /\bcorrect\b/);
    await page.keyboard.insertText(` ${words.slice(1).join(' ')}`);
    await page.waitForSelector('[data-testid=results]');
    await saved(page);
    for (const [path, id] of PAGES) {
      await page.goto(`${ctx.server.url}${path}`);
      await page.waitForSelector(`[data-testid=${id}]`);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scroll <= client, `${path}: ${scroll} px wide in a ${client} px screen`);
    }
    mkdirSync(artifacts, { recursive: true });
    await page.goto(`${ctx.server.url}/history`);
    await page.waitForSelector('[data-testid=history-row]');
    await page.screenshot({ path: join(artifacts, 'history-390.png'), fullPage: true });
  } finally {
    await context.close();
  }
});

test('at 200% zoom (1280 × 800 at twice the size) no page scrolls sideways', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  try {
    const page = await context.newPage();
    for (const [path, id] of PAGES) {
      await page.goto(`${ctx.server.url}${path}`);
      await page.waitForSelector(`[data-testid=${id}]`);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scroll <= client, `${path}: ${scroll} px wide in ${client} px`);
    }
  } finally {
    await context.close();
  }
});

test('a session finished or a setting changed in one tab shows in another without a reload', async () => {
  const context = await ctx.browser.newContext();
  try {
    const [a, b] = [await context.newPage(), await context.newPage()];
    await b.goto(`${ctx.server.url}/history`);
    await b.waitForSelector('[data-testid=history-empty]');
    await a.goto(`${ctx.server.url}/test?mode=words&n=10`);
    await typeWords(a, await targetWords(a), 5);
    await a.waitForSelector('[data-testid=results]');
    await b.waitForFunction(() => document.querySelector('[data-testid=history-count]')?.textContent === '1');
    await a.goto(`${ctx.server.url}/settings`);
    await a.click('[data-testid=theme-dark]');
    await b.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await a.click('[data-testid=language-ru]');
    await b.waitForFunction(() => document.documentElement.lang === 'ru');
  } finally {
    await context.close();
  }
});

test('without JavaScript, or without WebAssembly, the page says what Klava is and shows a sample lesson', async () => {
  const noJs = await ctx.browser.newContext({ javaScriptEnabled: false });
  const noWasm = await ctx.browser.newContext();
  await noWasm.addInitScript(() => { delete globalThis.WebAssembly; });
  try {
    for (const [context, need] of [[noJs, 'JavaScript'], [noWasm, 'WebAssembly']]) {
      const page = await context.newPage();
      await page.goto(`${ctx.server.url}/test`);
      await page.waitForSelector('#static', { state: 'visible' });
      const text = await page.textContent('#static');
      assert.match(text, /touch-typing trainer/);
      assert.match(text, new RegExp(need));
      assert.ok(await page.isVisible('.static-sample'), 'a sample lesson text');
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, `static-${need}.png`), fullPage: true });
    }
  } finally {
    await noJs.close();
    await noWasm.close();
  }
});
