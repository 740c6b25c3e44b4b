// What a first-time user meets: the page opens on the single invite with all of it in view at
// 1280×800; each field says one thing; the outcome says which invite it belongs to and when it no
// longer does; the same invite is not sent twice by accident; a bulk invite where every target
// failed says so; nothing shown is cut.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { suite } from './harness.js';
import { chooseEndpoint, endpoints, enterCredentials, fillForm, sendInvite, textShown } from './page.js';

const shared = suite({ before, after });
const WIDE = { width: 1280, height: 800 };

const panel = (snap, name) => snap.windows.find((w) => new RegExp(`/##${name}_[0-9A-F]+$`).test(w.name));
const inside = (item, win) => item.y >= win.y - 0.5 && item.y + item.h <= win.y + win.h + 0.5 &&
                              item.x >= win.x - 0.5 && item.x + item.w <= win.x + win.w + 0.5;

/** Every item of the window `name` lies wholly inside it: nothing to scroll to. */
function assertAllInView(snap, name) {
  const win = panel(snap, name);
  assert.ok(win, `the ${name} panel is on screen`);
  const items = snap.items.filter((item) => item.window === win.name);
  assert.ok(items.length > 0, `the ${name} panel shows something`);
  for (const item of items) assert.ok(inside(item, win), `${item.label} (${item.key}) is in view in the ${name} panel`);
}

test('the page opens on "Invite a user", with its form, the request and the outcome in view at 1280×800', async (t) => {
  await shared.withPage(t, { viewport: WIDE }, async (admin) => {
    const state = await admin.state();
    assert.equal(state.endpoint, 'athena.createInvite');
    assert.equal(endpoints[state.endpoint].title, 'Invite a user');
    // Filled in and sent: the form with its website field, the exact request, and the outcome.
    await enterCredentials(admin, 'athena.createInvite', { apiKey: shared.creds.athena.globalApiKey });
    await fillForm(admin, 'athena.createInvite', {
      type: 'website', website_id: shared.creds.websites[0], invite_method: 'direct', email: 'ada@example.com',
      role: 'admin', first_name: 'Ada', last_name: 'Lovelace',
    });
    assert.equal((await sendInvite(admin)).outcome, 'success');
    await admin.waitFrames(3);
    const snap = await admin.snapshot();
    for (const name of ['form', 'send-bar', 'preview', 'response']) assertAllInView(snap, name);
    const fields = endpoints['athena.createInvite'].fields.filter((f) => f.path !== '/group_id');
    for (const f of fields) assert.ok(snap.items.some((i) => i.key.startsWith(f.path)), `${f.label} is shown`);
    const body = snap.items.find((i) => i.key === 'text' && /"last_name": "Lovelace"/.test(i.label));
    const bodyBox = body && snap.windows.find((w) => w.name === body.window);
    assert.ok(body && bodyBox && inside(body, bodyBox), 'the whole body is shown in the preview');
    await admin.screenshot('first-use-1280x800-sent');
  });
});

test('each field shows one message, and "N things to fix" counts what it lists', async (t) => {
  await shared.withPage(t, { viewport: WIDE }, async (admin) => {
    await chooseEndpoint(admin, 'usersOrganizations.createInvite');
    const fields = [...endpoints['usersOrganizations.createInvite'].fields].sort((a, b) => a.order - b.order);
    const email = fields.find((f) => f.path === '/email');
    // Wrong in two ways (its format, and the docs' pattern): one message under it all the same.
    await admin.typeInto(email.label, '.ada@example', { key: email.path });
    await admin.waitFrames(3);
    const snap = await admin.snapshot();
    const own = snap.items.find((i) => i.key === email.path);
    const next = snap.items.find((i) => i.key === fields[fields.indexOf(email) + 1].path);
    const messages = snap.items.filter((i) => i.key === 'text' && i.window === own.window && i.y > own.y && i.y < next.y);
    assert.equal(messages.length, 1, `one message under Email: ${messages.map((m) => m.label).join(' | ')}`);

    const summary = snap.items.filter((i) => i.key === 'text' && /##send-bar/.test(i.window));
    const head = summary.find((i) => /things? to fix/.test(i.label));
    const count = Number(head.label.match(/^(\d+)/)[1]);
    const listed = summary.filter((i) => i.label.startsWith('\u2022'))
      .flatMap((i) => (/see under each field/.test(i.label) ? i.label.replace(/ \(see under each field\)$/, '').slice(2).split(' \u00b7 ') : [i.label]));
    assert.equal(listed.length, count, `${head.label} lists ${listed.join(' | ')}`);
  });
});

test('the outcome says which invite it is for, and says so when the form has moved on', async (t) => {
  await shared.withPage(t, { viewport: WIDE }, async (admin) => {
    await enterCredentials(admin, 'athena.createInvite', { apiKey: shared.creds.athena.globalApiKey });
    await fillForm(admin, 'athena.createInvite', { type: 'organization', invite_method: 'direct', email: 'ada@example.com' });
    assert.equal((await sendInvite(admin)).outcome, 'success');
    await textShown(admin, /^The invite sent at .* · Invite a user · ada@example\.com$/, { window: /##response/ });
    assert.equal(await admin.hasItem(/form has changed since/, { key: 'text' }), false, 'current right after the send');

    await admin.typeInto('Email', 'grace@example.com', { key: '/email' });
    await textShown(admin, /form has changed since/, { window: /##response/ });
    await admin.typeInto('Email', 'ada@example.com', { key: '/email' });
    await admin.waitForNoItem(/form has changed since/, { key: 'text' });
    await chooseEndpoint(admin, 'athena.bulkInvite');
    await textShown(admin, /form has changed since/, { window: /##response/ });
  });
});

test('after a success, sending the very same invite again asks first (Enter included)', async (t) => {
  await shared.withPage(t, { viewport: WIDE }, async (admin) => {
    admin.allowConsoleError(/status of 409/);  // the sandbox refuses the second pending invite
    await enterCredentials(admin, 'athena.createInvite', { apiKey: shared.creds.athena.globalApiKey });
    await fillForm(admin, 'athena.createInvite', { type: 'organization', invite_method: 'email', email: 'ada@example.com' });
    const first = await sendInvite(admin, { enter: true });
    assert.equal(first.outcome, 'success');
    const outbox = async () => (await shared.server.state()).outbox.length;
    assert.equal(await outbox(), 1);

    await admin.press('Enter');
    await admin.waitForItem('Send again', { key: 'repeat-send' });
    await admin.press('Enter');  // the question's focus is on Cancel
    await admin.waitForNoItem('Send again', { key: 'repeat-send' });
    assert.equal((await admin.state()).sendId, first.sendId, 'nothing was sent');
    assert.equal(await outbox(), 1);

    await admin.click(null, { key: 'send' });
    await admin.click('Send again', { key: 'repeat-send' });
    await admin.waitForState((s) => s.sendId !== first.sendId && !s.inFlight && s.outcome !== '', 'the second send, once asked');
  });
});

test('a bulk invite where every target failed says none succeeded; nothing in the outcome is cut', async (t) => {
  await shared.withPage(t, { viewport: WIDE }, async (admin) => {
    const websites = shared.creds.websites.slice(0, 2);
    for (const website of websites) {  // test data: the person is already on both websites
      const setup = await fetch(`${shared.server.url}/api/v1/invites`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': shared.creds.athena.globalApiKey },
        body: JSON.stringify({ type: 'website', website_id: website, invite_method: 'direct', email: 'barbara@example.com' }),
      });
      assert.ok(setup.status < 300, `setup invite answered ${setup.status}`);
    }
    await chooseEndpoint(admin, 'athena.bulkInvite');
    await enterCredentials(admin, 'athena.bulkInvite', { apiKey: shared.creds.athena.globalApiKey });
    await fillForm(admin, 'athena.bulkInvite', { website_ids: websites, invite_method: 'direct', email: 'barbara@example.com' });
    await sendInvite(admin);
    await textShown(admin, /None succeeded/, { window: /##response/ });
    await textShown(admin, /0 of 2 targets/, { window: /##response/ });
    await textShown(admin, /refused every website or group/, { window: /##response/ });
    await admin.click('Raw response');
    await admin.waitFrames(3);
    const snap = await admin.snapshot();
    const win = panel(snap, 'response');
    for (const item of snap.items.filter((i) => i.window.startsWith(win.name) && i.visible !== false)) {
      assert.ok(item.x + item.w <= win.x + win.w + 0.5, `${item.label} is not cut at the panel's right edge`);
    }
    await admin.screenshot('first-use-bulk-none-succeeded');
  });
});
