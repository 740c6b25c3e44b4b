// The page shell (web/index.html, web/app.js, web/app.css): loading panel, the WebGL2
// message, a canvas that fills the window, and a page that runs under its CSP.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { builtName, openPage, suite } from './harness.js';
import { endpoints, field } from './page.js';

const shared = suite({ before, after });

test('a loading panel shows until the app has drawn, then the canvas fills the window', async () => {
  // Hold the WASM back so the loading state can be seen (and photographed) for certain.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await shared.server.reset();
  const admin = await openPage(shared.browser, shared.server, {
    waitForApp: false,
    beforeGoto: (page) => page.route(`**/${builtName('invitekit-admin.wasm')}`, async (route) => { await held; await route.continue(); }),
  });
  try {
    const status = admin.page.locator('#status');
    await status.waitFor({ state: 'visible' });
    assert.match(await status.innerText(), /Loading the invite form/);
    assert.equal(await admin.snapshot(), null, 'no frame can be drawn before the WASM arrives');
    await admin.screenshot('shell-loading');
    release();
    await admin.waitForApp();
    assert.equal(await status.isVisible(), false);

    const box = await admin.page.locator('#canvas').boundingBox();
    assert.deepEqual(box, { x: 0, y: 0, width: 1024, height: 640 });
    const focused = await admin.page.evaluate(() => document.activeElement?.id);
    assert.equal(focused, 'canvas', 'the canvas has the keyboard once the app is up');

    await admin.resize({ width: 1280, height: 800 });  // the resize wakes an idle app
    const resized = await admin.page.locator('#canvas').boundingBox();
    assert.deepEqual(resized, { x: 0, y: 0, width: 1280, height: 800 });
    const backing = await admin.page.evaluate(() => {
      const canvas = document.getElementById('canvas');
      return [canvas.width, canvas.height];
    });
    assert.deepEqual(backing, [1280, 800], 'backing store = CSS size × devicePixelRatio (1)');
    assert.deepEqual(admin.unexpectedConsoleErrors(), []);
  } finally {
    release();
    await admin.close();
  }
});

// Keeps every frame the app publishes, as published, in window.seenFrames, and the one that
// ends the loading panel in window.readyFrame. This frame callback is asked for before the app's
// first, so it runs ahead of the app's in each animation frame and sees each publication.
const keepFrames = () => {
  window.seenFrames = [];
  const look = () => {
    const published = globalThis.invitekitItems;
    if (published && published !== window.seenFrames.at(-1)) window.seenFrames.push(published);
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
  window.addEventListener('invitekit-ready', () => { window.readyFrame = globalThis.invitekitItems; }, { once: true });
};

// Nothing is published that is not on screen: a click there would go nowhere.
function assertOnScreen(frames) {
  for (const { frame, items, windows } of frames) {
    const drawn = new Set(windows.map((w) => w.name));
    for (const item of items) {
      assert.ok(item.w > 0 && item.h > 0, `frame ${frame}: ${item.label} has an area`);
      assert.ok(drawn.has(item.window), `frame ${frame}: ${item.label} is in a window drawn in that frame`);
    }
  }
}

test('when the loading panel goes, the page is drawn whole: every endpoint tab can be clicked', async (t) => {
  // ImGui draws a tab from the frame after it appears.
  await shared.withPage(t, { initScript: keepFrames }, async (admin) => {
    const { ready, seen } = await admin.page.evaluate(() => ({ ready: window.readyFrame, seen: window.seenFrames }));
    for (const id of Object.keys(endpoints)) {
      const tab = ready.items.find((item) => item.key === `tab/${id}`);
      assert.ok(tab, `frame ${ready.frame}, which ends the loading panel, shows the tab of ${id}`);
      assert.ok(tab.visible && tab.w > 0 && tab.h > 0 && tab.x >= 0 && tab.y >= 0,
                `the tab of ${id} is on screen: ${JSON.stringify(tab)}`);
    }
    assert.equal(seen[0]?.frame, 1, 'the first frame was seen');
    assertOnScreen(seen);
  });
});

test('a combo list is published once it is drawn, not in the frame it measures itself', async (t) => {
  await shared.withPage(t, { initScript: keepFrames }, async (admin) => {
    const role = field('athena.bulkInvite', '/role');
    const from = await admin.page.evaluate(() => window.seenFrames.length);
    await admin.click(role.label);
    const choice = await admin.waitForItem(null, { key: `/role=${Object.keys(role.choiceLabels)[0]}` });
    // Read from a frame callback: it runs after the recorder's, which has then kept the frame
    // waitForItem saw.
    const opened = await admin.page.evaluate((from) => new Promise((resolve) => {
      requestAnimationFrame(() => resolve(window.seenFrames.slice(from)));
    }), from);
    assert.ok(opened.some((f) => f.items.some((i) => i.id === choice.id)), 'the list was seen');
    assertOnScreen(opened);
    await admin.press('Escape');
  });
});

test('the canvas backing store follows devicePixelRatio 2', async (t) => {
  await shared.withPage(t, { deviceScaleFactor: 2 }, async (admin) => {
    await admin.waitFor((snap) => snap.items.length > 0, 'widgets to be published');
    const sizes = await admin.page.evaluate(() => {
      const canvas = document.getElementById('canvas');
      return [canvas.width, canvas.height, canvas.clientWidth, canvas.clientHeight];
    });
    assert.deepEqual(sizes, [2048, 1280, 1024, 640]);
    // Widget rectangles stay in CSS pixels: every visible one lies inside the 1024×640 canvas.
    const { items } = await admin.snapshot();
    for (const item of items.filter((i) => i.visible !== false)) {
      assert.ok(item.x >= 0 && item.y >= 0 && item.x + item.w <= 1024 + 1 && item.y + item.h <= 640 + 1,
                `${item.label} at ${item.x},${item.y} ${item.w}×${item.h} lies inside the canvas`);
    }
    await admin.screenshot('page-dpr2');
  });
});

test('without WebGL2 the page says so and does not start the app', async (t) => {
  // Simulates a browser with WebGL2 turned off; the page's own code is untouched.
  const noWebGL2 = () => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : getContext.call(this, type, ...rest);
    };
  };
  await shared.withPage(t, { initScript: noWebGL2, waitForApp: false }, async (admin) => {
    const status = admin.page.locator('#status');
    await admin.page.waitForFunction(() => document.getElementById('status').classList.contains('status-error'));
    assert.equal(await status.isVisible(), true);
    assert.match(await status.innerText(), /needs WebGL 2/);
    assert.equal(await status.getAttribute('role'), 'alert');
    await admin.page.waitForTimeout(300);
    assert.equal(await admin.snapshot(), null, 'the app was not started');
    await admin.screenshot('shell-no-webgl2');
  });
});

test('the page is served under a strict CSP, has no inline code, and nothing violates it', async (t) => {
  await shared.withPage(t, async (admin) => {
    const response = await fetch(`${shared.server.url}/`);
    const policy = response.headers.get('content-security-policy') ?? '';
    assert.match(policy, /default-src 'self'/);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
    const inline = await admin.page.evaluate(() => ({
      scripts: [...document.scripts].filter((s) => !s.src).length,
      styles: document.querySelectorAll('style, [style]:not(canvas)').length,
    }));
    assert.deepEqual(inline, { scripts: 0, styles: 0 });
    // withPage fails the test on any reported violation (and on any console error).
  });
});

// A plain DOM field on the page (as the accessible mirror or a browser extension adds), so the
// page's key filter has something to protect.
function addDomField(admin) {
  return admin.page.evaluate(() => {
    const input = document.createElement('input');
    input.id = 'probe';
    input.setAttribute('aria-label', 'probe');
    document.getElementById('canvas').after(input);  // next in tab order, before the accessible form
  });
}

test('keys typed into another field of the page stay there and never reach the app', async (t) => {
  await shared.withPage(t, async (admin) => {
    await addDomField(admin);
    await admin.typeInto('Email', 'ada@example.com', { key: '/email' });  // the app's field is active
    const before = await admin.waitForState((s) => s.errorCount > 0, 'the remaining errors');

    await admin.page.focus('#probe');
    await admin.page.keyboard.type('x y', { delay: 15 });
    await admin.page.keyboard.press('Backspace');  // GLFW would swallow it page-wide
    await admin.page.keyboard.press('Tab');
    await admin.waitFrames(2);
    assert.equal(await admin.page.inputValue('#probe'), 'x ', 'the DOM field got its text and its Backspace');
    // Had "x y" reached the active Email field, it would no longer be a valid address.
    assert.equal((await admin.state()).errorCount, before.errorCount);
  });
});

test('Esc then Tab moves the focus out of the canvas (no keyboard trap)', async (t) => {
  await shared.withPage(t, async (admin) => {
    await addDomField(admin);
    await admin.click('Email', { key: '/email' });
    assert.equal(await admin.page.evaluate(() => document.activeElement.id), 'canvas');
    await admin.press('Tab');  // inside the app, Tab moves between its fields
    assert.equal(await admin.page.evaluate(() => document.activeElement.id), 'canvas');
    await admin.press('Escape');
    await admin.press('Tab');
    assert.equal(await admin.page.evaluate(() => document.activeElement.id), 'probe');
  });
});
