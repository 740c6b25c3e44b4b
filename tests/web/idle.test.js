// Quiet when idle: the app pauses its main loop when nothing changed, so an idle page
// draws no frames, and a focused text field costs at most a frame per caret blink (½ s).
// Frames are counted from the app's own publication (invitekitItems.frame), never timed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { suite } from './harness.js';

const shared = suite({ before, after });
const WATCH_MS = 3000;

/** Frames the app draws in `ms` of doing nothing (after it settled). */
async function framesWhileIdle(admin, ms) {
  await admin.waitFor((snap) => snap.state.settled, 'the app to settle');
  const before = (await admin.snapshot()).frame;
  await admin.page.waitForTimeout(ms);
  return (await admin.snapshot()).frame - before;
}

test('an idle page draws no frames', async (t) => {
  await shared.withPage(t, async (admin) => {
    assert.equal(await framesWhileIdle(admin, WATCH_MS), 0);
    // A hover is an input: it draws, then the page is quiet again.
    const { x, y } = await admin.centre(await admin.waitForItem('Send invite'));
    await admin.page.mouse.move(x, y);
    await admin.waitFrames(2);
    assert.equal(await framesWhileIdle(admin, WATCH_MS), 0, 'quiet again after the hover');
  });
});

test('a focused text field costs at most a frame per half second (the caret)', async (t) => {
  await shared.withPage(t, async (admin) => {
    await admin.typeInto('Email', 'ada@example', { key: '/email' });
    const active = await admin.page.evaluate(() => document.activeElement.id);
    assert.equal(active, 'canvas', 'the app has the keyboard, its Email field the caret');
    const frames = await framesWhileIdle(admin, WATCH_MS);
    assert.ok(frames <= Math.ceil(WATCH_MS / 500) + 1, `${frames} frames in ${WATCH_MS} ms with the caret in a field`);
  });
});
