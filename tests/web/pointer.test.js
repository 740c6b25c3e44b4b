// A click is a click however fast it comes: the pointer may arrive on a widget and press it
// before the page draws a frame in between (a tap on a touch screen, a click right after the
// page woke from idle). ImGui takes the hover of tabs (and other overlapping items) from the
// previous frame, so such a press on a tab, with another widget hovered the frame before, would
// be dropped. web/imgui_impl_browser.cpp queues such a press as ImGui queues a touch-screen tap,
// applied a frame after the move; these tests pin what that must keep: where the press was made,
// and every press of a quick pair.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { suite } from './harness.js';
import { chooseEndpoint, endpoints, LABELS } from './page.js';

const shared = suite({ before, after });

/**
 * Sends mouse events at exact frame boundaries, which the real mouse only hits now and then (its
 * events are separate round trips to the browser): `steps` is a list of event lists; the first
 * goes at once, in one task (no frame can come between its events), each next one right after
 * the page's next frame. An event is [type, {x, y}] with type 'move', 'down' or 'up'.
 */
function sendAtFrames(admin, steps) {
  return admin.page.evaluate((steps) => new Promise((resolve) => {
    const canvas = document.getElementById('canvas');
    const types = { move: 'mousemove', down: 'mousedown', up: 'mouseup' };
    const send = ([type, { x, y }]) => {
      const at = { clientX: x, clientY: y, screenX: x, screenY: y, button: 0, bubbles: true, cancelable: true, view: window };
      canvas.dispatchEvent(new MouseEvent(types[type], { ...at, buttons: type === 'down' ? 1 : 0 }));
    };
    let step = 0;
    // The page's own frame callback was requested first (when an event woke it, or by its
    // previous frame), so each of these runs after the page has drawn that frame.
    const next = () => {
      steps[step++].forEach(send);
      if (step < steps.length) requestAnimationFrame(next);
      else resolve();
    };
    next();
  }), steps);
}

const moveAndClickAtOnce = (admin, target) => sendAtFrames(admin, [[['move', target], ['down', target], ['up', target]]]);

async function realMoveAndClick(admin, { x, y }) {
  await admin.page.mouse.move(x, y);
  await admin.page.mouse.down();
  await admin.page.mouse.up();
}

async function tabCentre(admin, id) {
  return admin.centre(await admin.waitForItem(null, { key: `tab/${id}` }));
}

/** Rests the pointer on `point` until the page has drawn it there and gone idle. */
async function hoverAndSettle(admin, point) {
  await admin.page.mouse.move(point.x, point.y);
  await admin.waitFrames(3);
}

for (const [how, click] of [['in the same frame', moveAndClickAtOnce], ['with the real mouse', realMoveAndClick]]) {
  test(`a press on a tab that arrives with the pointer, from another hovered tab, chooses it (${how})`, async (t) => {
    await shared.withPage(t, {}, async (admin) => {
      const ids = Object.keys(endpoints);
      await chooseEndpoint(admin, ids[0]);
      // Each tab in turn, coming from the one chosen before it, which the frame before hovers.
      for (let round = 0; round < 2 * ids.length; round++) {
        const from = ids[round % ids.length];
        const to = ids[(round + 1) % ids.length];
        await hoverAndSettle(admin, await tabCentre(admin, from));
        await click(admin, await tabCentre(admin, to));
        await admin.waitFrames(4);
        assert.equal((await admin.state()).endpoint, to, `round ${round}: the press on tab ${to} (from ${from}) was seen`);
      }
    });
  });
}

test('a held-back press comes where it was made, though the pointer moved on before the next frame', async (t) => {
  await shared.withPage(t, {}, async (admin) => {
    const [first, second, third] = Object.keys(endpoints);
    await chooseEndpoint(admin, first);
    await hoverAndSettle(admin, await tabCentre(admin, first));
    const pressed = await tabCentre(admin, second);
    const released = await tabCentre(admin, third);
    // Pressed on the second tab; by the next frame the pointer is on the third (a quick drag).
    await sendAtFrames(admin, [[['move', pressed], ['down', pressed]], [['move', released], ['up', released]]]);
    await admin.waitFrames(4);
    assert.equal((await admin.state()).endpoint, second, 'the tab under the press is chosen, not the one under the release');
  });
});

test('quick presses on a checkbox are each a click, though the first is held back', async (t) => {
  await shared.withPage(t, {}, async (admin) => {
    const label = LABELS.rememberInTab;
    const item = await admin.scrollIntoView(await admin.locate(label), label);
    const box = await admin.centre(item);
    const checkedBefore = Boolean(item.checked);
    await hoverAndSettle(admin, await tabCentre(admin, (await admin.state()).endpoint));
    // The first press moves onto the checkbox (so it is held back a frame); each next one comes
    // the frame after the one before was given, without moving: ImGui must see the button up in
    // between, or two presses become one. Three presses: the box ends up toggled.
    await sendAtFrames(admin, [[['move', box], ['down', box], ['up', box]], [], [['down', box], ['up', box]], [],
                               [['down', box], ['up', box]]]);
    await admin.waitFrames(6);
    const after = await admin.waitForItem(label);
    assert.equal(Boolean(after.checked), !checkedBefore, 'three presses toggled the checkbox three times');
  });
});
