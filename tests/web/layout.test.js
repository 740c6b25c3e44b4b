// Crisp and fitted: the canvas backing store follows the window size and
// devicePixelRatio, no control is cut at a window's right edge from 1024×640 up, and a narrow
// window stacks the panels in one column. Screenshots of each go to tests/artifacts/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { suite } from './harness.js';
import { chooseEndpoint, endpoints } from './page.js';

const shared = suite({ before, after });

/** The canvas' CSS size, its backing store and the page's devicePixelRatio. */
function canvasSizes(admin) {
  return admin.page.evaluate(() => {
    const canvas = document.getElementById('canvas');
    const rect = canvas.getBoundingClientRect();
    return { css: [rect.width, rect.height], backing: [canvas.width, canvas.height], dpr: devicePixelRatio };
  });
}

async function assertBackingFollows(admin, [width, height], dpr) {
  const sizes = await canvasSizes(admin);
  assert.deepEqual(sizes.css, [width, height], 'the canvas fills the window');
  assert.equal(sizes.dpr, dpr);
  assert.deepEqual(sizes.backing, [Math.round(width * dpr), Math.round(height * dpr)],
                   'backing store = CSS size × devicePixelRatio');
}

/** Every visible control and text lies inside the canvas and is not cut at its window's right
 *  edge; windows lie inside the canvas. (A window may cut its content at the bottom: it scrolls.) */
function assertNothingCut(snap, [width, height]) {
  const windows = new Map(snap.windows.map((w) => [w.name, w]));
  for (const w of snap.windows) {
    assert.ok(w.x >= -0.5 && w.y >= -0.5 && w.x + w.w <= width + 0.5 && w.y + w.h <= height + 0.5,
              `window ${w.name} (${w.x},${w.y} ${w.w}×${w.h}) lies inside the ${width}×${height} canvas`);
  }
  for (const item of snap.items.filter((i) => i.visible !== false)) {
    const where = `${item.label} (${item.key}) at x ${item.x}, ${item.w} wide, in ${item.window}`;
    const win = windows.get(item.window);
    assert.ok(win, `${where}: its window is published`);
    assert.ok(item.x >= win.x - 0.5 && item.x + item.w <= win.x + win.w + 0.5,
              `${where} fits between ${win.x} and ${win.x + win.w}`);
  }
}

for (const [width, height] of [[1024, 640], [1280, 800]]) {
  test(`at ${width}×${height} no control of any endpoint's form is cut at a right edge`, async (t) => {
    await shared.withPage(t, { viewport: { width, height } }, async (admin) => {
      await assertBackingFollows(admin, [width, height], 1);
      for (const id of Object.keys(endpoints)) {
        await chooseEndpoint(admin, id);
        await admin.waitFrames(3);
        assertNothingCut(await admin.snapshot(), [width, height]);
      }
      await chooseEndpoint(admin, 'athena.bulkInvite');
      await admin.waitFrames(3);
      await admin.screenshot(`layout-${width}x${height}-dpr1`);
    });
  });
}

test('at devicePixelRatio 2 and 1.5 the backing store has every device pixel; the layout stays in CSS pixels', async (t) => {
  for (const dpr of [2, 1.5]) {
    await shared.withPage(t, { viewport: { width: 1024, height: 640 }, deviceScaleFactor: dpr }, async (admin) => {
      await assertBackingFollows(admin, [1024, 640], dpr);
      const snap = await admin.snapshot();
      assertNothingCut(snap, [1024, 640]);
      await admin.screenshot(`layout-1024x640-dpr${dpr}`);
    });
  }
});

test('after a resize and after a devicePixelRatio change the backing store follows', async (t) => {
  await shared.withPage(t, { viewport: { width: 1024, height: 640 } }, async (admin) => {
    await admin.resize({ width: 1200, height: 700 });
    await assertBackingFollows(admin, [1200, 700], 1);
    assertNothingCut(await admin.snapshot(), [1200, 700]);

    // Browser zoom changes the size and the ratio together (and fires resize).
    const cdp = await admin.page.context().newCDPSession(admin.page);
    const metrics = (width, height, deviceScaleFactor) =>
      cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor, mobile: false });
    await metrics(1100, 660, 2);
    await admin.waitFor(async () => (await canvasSizes(admin)).backing[0] === 2200, 'the backing store at 2×');
    await admin.waitFrames(2);
    await assertBackingFollows(admin, [1100, 660], 2);
    assertNothingCut(await admin.snapshot(), [1100, 660]);
    await admin.screenshot('layout-1100x660-zoomed-to-dpr2');

    // The ratio alone (the window moved to another screen). Chromium's emulation fires neither
    // resize nor the matchMedia(resolution) change the app also listens to, so the next input
    // wakes the app here; its first frame must already use the new ratio.
    await metrics(1100, 660, 1.5);
    const { x, y } = await admin.centre({ x: 4, y: 300, w: 0, h: 0 });
    await admin.page.mouse.move(x, y);
    await admin.waitFrames(2);
    await assertBackingFollows(admin, [1100, 660], 1.5);
    assertNothingCut(await admin.snapshot(), [1100, 660]);
  });
});

test('a narrow window (600 px) stacks the panels in one column, each as wide as the page', async (t) => {
  await shared.withPage(t, { viewport: { width: 600, height: 800 } }, async (admin) => {
    await assertBackingFollows(admin, [600, 800], 1);
    let snap = await admin.snapshot();
    assertNothingCut(snap, [600, 800]);
    await admin.screenshot('layout-600x800-top');
    const panel = (name) => snap.windows.find((w) => new RegExp(`/##${name}_[0-9A-F]+$`).test(w.name));
    const [form, sendBar] = [panel('form'), panel('send-bar')];
    assert.ok(form && sendBar, 'the form and the send bar are on screen');
    assert.ok(sendBar.y > form.y + form.h - 1, 'the send bar is under the form');
    assert.ok(Math.abs(form.x - sendBar.x) < 1, 'in one column');
    assert.ok(form.w > 500, `the form takes the page's width (${form.w} px)`);

    // The rest is below: wheel the page down and the preview, response and history panels follow.
    // The mouse over the page's own left margin: the wheel scrolls the page, not a panel.
    const { x, y } = await admin.centre({ x: 4, y: 400, w: 0, h: 0 });
    await admin.page.mouse.move(x, y);
    const order = ['form', 'send-bar', 'preview', 'response', 'history'];
    const seen = new Map();
    for (let step = 0; step < 20 && seen.size < order.length; step++) {
      snap = await admin.snapshot();
      assertNothingCut(snap, [600, 800]);
      for (const name of order) {
        const w = panel(name);
        if (w && !seen.has(name)) seen.set(name, { ...w, scroll: step });
      }
      await admin.page.mouse.wheel(0, 300);
      await admin.waitFrames(2);
    }
    assert.deepEqual([...seen.keys()].sort(), [...order].sort(), 'every panel comes into view');
    for (const [name, w] of seen) {
      assert.ok(Math.abs(w.x - form.x) < 1 && w.w > 500, `${name} is in the column, ${w.w} px wide`);
    }
    await admin.screenshot('layout-600x800-scrolled');
  });
});
