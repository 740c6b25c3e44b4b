// Input at a real user's pace and faster: typing right after a click lands in the clicked field
// (ImGui's input queue keeps the order: the press, then the characters), controls do not move
// under the pointer when a field's message comes or goes, and one key draws one picture.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { suite } from './harness.js';
import { control } from './accessible.js';
import { chooseEndpoint, field } from './page.js';

const shared = suite({ before, after });

/** Clicks the widget's centre and types `text` at once: no wait for a frame in between. */
async function clickAndType(admin, item, text) {
  const { x, y } = await admin.centre(item);
  await admin.page.mouse.move(x, y);
  await admin.page.mouse.down();
  await admin.page.mouse.up();
  await admin.page.keyboard.type(text);
}

/** A field's value as the app has it (the accessible form shows the app's draft). */
function valueOf(admin, f) {
  return control(admin, f).inputValue();
}

/** The widget, scrolled wholly into view first if need be (at 1024×640 a form scrolls). */
async function inView(admin, label, where) {
  return admin.scrollIntoView(await admin.locate(label, where), label, where);
}

async function settle(admin) {
  await admin.waitForState((state) => state.settled, 'the app to go idle');
}

test('typing right after a click goes into the clicked field, every time', async (t) => {
  await shared.withPage(t, async (admin) => {
    await chooseEndpoint(admin, 'athena.createInvite');
    const first = field('athena.createInvite', '/first_name');
    const last = field('athena.createInvite', '/last_name');
    await admin.typeInto(first.label, 'Dana', { key: first.path });
    // Five times back and forth, each click followed at once by the keys meant for that field.
    const expected = { [first.path]: 'Dana', [last.path]: '' };
    for (const [round, [target, text]] of [[last, 'Lee'], [first, 'X'], [last, 'Y'], [first, 'Z'], [last, 'W']].entries()) {
      await clickAndType(admin, await inView(admin, target.label, { key: target.path }), text);
      expected[target.path] += text;
      await settle(admin);
      await admin.waitFor(async () => (await valueOf(admin, first)) === expected[first.path] &&
                                      (await valueOf(admin, last)) === expected[last.path],
                          `round ${round}: first name "${expected[first.path]}", last name "${expected[last.path]}"`, 5000)
        .catch(async () => {
          assert.deepEqual([await valueOf(admin, first), await valueOf(admin, last)],
                           [expected[first.path], expected[last.path]], `round ${round}`);
        });
    }
  });
});

test('a number typed right after clicking the permission group lands there, not in Email', async (t) => {
  await shared.withPage(t, async (admin) => {
    await chooseEndpoint(admin, 'usersOrganizations.createInvite');
    const email = field('usersOrganizations.createInvite', '/email');
    const group = field('usersOrganizations.createInvite', '/permissions/group');
    await admin.typeInto(email.label, 'ada@example.com', { key: email.path });  // Email is active
    await clickAndType(admin, await inView(admin, group.label, { key: group.path }), '2');
    await settle(admin);
    await admin.waitFor(async () => (await valueOf(admin, group)) === '2', 'the group to be 2');
    assert.equal(await valueOf(admin, email), 'ada@example.com');
  });
});

test('a message coming or going under a field moves nothing below it; a click aimed there lands', async (t) => {
  await shared.withPage(t, { viewport: { width: 1280, height: 800 } }, async (admin) => {
    const email = field('athena.createInvite', '/email');
    const first = field('athena.createInvite', '/first_name');
    const firstItem = async () => admin.waitForItem(first.label, { key: first.path });
    await admin.typeInto(email.label, 'ada@example', { key: email.path });
    await admin.waitForItem(/valid email/i, { key: 'text' });  // invalid: its message says so
    const aimed = await firstItem();
    await admin.page.keyboard.type('.com');  // valid now: the message goes
    await clickAndType(admin, aimed, 'Ada');  // at once, where First name was a moment ago
    await settle(admin);
    await admin.waitForNoItem(/valid email/i, { key: 'text' });
    assert.equal((await firstItem()).y, aimed.y, 'the message going moved nothing');
    await admin.waitFor(async () => (await valueOf(admin, first)) === 'Ada', 'First name to be Ada');
    assert.equal(await valueOf(admin, email), 'ada@example.com');

    // And back: a message coming under Email (now invalid again) moves nothing either.
    await admin.typeInto(email.label, 'ada@', { key: email.path });
    await admin.waitForItem(/valid email/i, { key: 'text' });
    assert.equal((await firstItem()).y, aimed.y, 'the message coming moved nothing');
  });
});

test('one key draws one picture, and its release none', async (t) => {
  await shared.withPage(t, async (admin) => {
    await chooseEndpoint(admin, 'athena.createInvite');
    const email = field('athena.createInvite', '/email');
    await admin.typeInto(email.label, 'ada@example', { key: email.path });
    await settle(admin);
    for (const key of '.com') {
      const { drawn } = await admin.state();
      await admin.page.keyboard.down(key);  // held: the app keeps running (key repeat), unchanged
      await admin.waitFor((snap) => snap.state.drawn > drawn, `the picture of ${key}`);
      await admin.page.waitForTimeout(150);
      assert.equal((await admin.state()).drawn, drawn + 1, `${key} pressed: one picture`);
      await admin.page.keyboard.up(key);
      await admin.page.waitForTimeout(200);
      await settle(admin);
      assert.equal((await admin.state()).drawn, drawn + 1, `${key} released: no picture`);
    }
  });
});
