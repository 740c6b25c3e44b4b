// The form as a user meets it: mistakes shown under their field before sending, refused keys,
// an unreachable sandbox, pasting with Ctrl+V, and what survives a reload.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, startServer, suite } from './harness.js';
import {
  LABELS, announced, chooseEndpoint, credentialLabel, enterCredentials, field, fillForm, listLabels, rowItems, sendInvite,
  textShown,
} from './page.js';

const shared = suite({ before, after });

/** Waits for an error text matching `message` that lies under a field's widget and above the
 *  next field's widget (each given as [label, {key}]). */
async function assertUnder(admin, message, [ownLabel, ownWhere], [nextLabel, nextWhere]) {
  const own = await admin.waitForItem(ownLabel, ownWhere);
  const next = await admin.waitForItem(nextLabel, nextWhere);
  return admin.waitFor((snap) => snap.items.find((item) =>
    item.key === 'text' && message.test(item.label) && item.y >= own.y + own.h - 1 && item.y + item.h <= next.y + 1),
    `an error ${message} under ${ownLabel} (y ${own.y}) and above ${nextLabel} (y ${next.y})`);
}

test('errors appear under their field as the user types, and Send stays disabled', async (t) => {
  await shared.withPage(t, async (admin) => {
    await chooseEndpoint(admin, 'athena.createInvite');
    await enterCredentials(admin, 'athena.createInvite', { apiKey: shared.creds.athena.globalApiKey });
    const email = field('athena.createInvite', '/email');
    const role = field('athena.createInvite', '/role');
    await fillForm(admin, 'athena.createInvite', { type: 'website', invite_method: 'direct', email: 'not-an-email' });

    // The website ID is required once the type is "website": the rule's own words, under it.
    const websiteId = field('athena.createInvite', '/website_id');
    const direct = ['Add directly', { key: '/invite_method=direct' }];
    await assertUnder(admin, /^\u2717 Enter the website ID/, [websiteId.label, { key: websiteId.path }], direct);
    await assertUnder(admin, /^\u2717 .*email/i, [email.label, { key: email.path }], [role.label, { key: role.path }]);
    const state = await admin.waitForState((s) => s.errorCount === 2, 'two errors');
    assert.equal(state.sendEnabled, false);
    await admin.screenshot('form-errors');
    await announced(admin, /2 things to fix before sending/);  // once typing pauses

    // Pressing the disabled button sends nothing.
    await admin.click(LABELS.send);
    await admin.waitFrames(2);
    assert.equal((await admin.state()).outcome, '');
    assert.deepEqual((await shared.server.state()).users, []);

    // Fixing both clears the errors and enables Send.
    await admin.typeInto(email.label, 'fixed@example.com', { key: email.path });
    await admin.typeInto(websiteId.label, shared.creds.websites[0], { key: websiteId.path });
    const fixed = await admin.waitForState((s) => s.errorCount === 0 && s.sendEnabled, 'no errors and Send enabled');
    assert.equal(fixed.outcome, '');
  });
});

test('a wrong API key shows the server\'s 401 message', async (t) => {
  await shared.withPage(t, async (admin) => {
    admin.allowConsoleError(/status of 401/);  // the browser logs every refused fetch
    await chooseEndpoint(admin, 'athena.createInvite');
    await enterCredentials(admin, 'athena.createInvite', { apiKey: 'not-a-sandbox-key' });
    await fillForm(admin, 'athena.createInvite', { type: 'organization', invite_method: 'direct', email: 'eve@example.com' });
    assert.equal((await sendInvite(admin)).outcome, 'failure');
    await textShown(admin, /HTTP 401/, { window: /##response/ });
    await textShown(admin, /Invalid API key/);
    await announced(admin, /401.*Invalid API key/);
    await admin.screenshot('wrong-key');
    assert.deepEqual((await shared.server.state()).users, []);
  });
});

test('an unreachable sandbox gets the network message', async (t) => {
  const server = await startServer();  // its own, since this test stops it
  let admin;
  try {
    admin = await openPage(shared.browser, server);
    admin.allowConsoleError(/ERR_CONNECTION_REFUSED|Failed to fetch|status of 404/);
    await chooseEndpoint(admin, 'athena.createInvite');
    await enterCredentials(admin, 'athena.createInvite', { apiKey: shared.creds.athena.globalApiKey });
    await fillForm(admin, 'athena.createInvite', { type: 'organization', invite_method: 'direct', email: 'nobody@example.com' });
    await admin.waitForState((s) => s.sendEnabled, 'Send to be enabled');
    await server.stop();
    assert.equal((await sendInvite(admin)).outcome, 'network');
    await textShown(admin, /serve\.py/);
    await admin.screenshot('network-failure');
    assert.deepEqual(admin.unexpectedConsoleErrors(), []);
  } finally {
    await admin?.close();
    await server.stop();
  }
});

test('a pasted list of website IDs lands as rows, and all of them are invited', async (t) => {
  await shared.withPage(t, { clipboard: true }, async (admin) => {
    const ids = shared.creds.websites.slice(0, 3);
    await chooseEndpoint(admin, 'athena.bulkInvite');
    await enterCredentials(admin, 'athena.bulkInvite', { apiKey: shared.creds.athena.globalApiKey });
    const list = field('athena.bulkInvite', '/website_ids');
    const labels = listLabels(list);
    // Newline, comma and space separated, as copied from a spreadsheet or a mail.
    await admin.click(labels.pasteMany);
    await admin.pasteInto(labels.pasteBox, `${ids[0]}\n${ids[1]}, ${ids[2]}`);
    await admin.click(LABELS.addPasted);
    const rows = await admin.waitFor(async () => {
      const found = await rowItems(admin, list);
      return found.length === 3 && found;
    }, 'three rows');
    assert.equal(rows.length, 3);
    await admin.screenshot('pasted-rows');

    await fillForm(admin, 'athena.bulkInvite', { invite_method: 'direct', email: 'katherine@example.com' });
    assert.equal((await sendInvite(admin)).outcome, 'success');
    const sandbox = await shared.server.state();
    assert.deepEqual(sandbox.memberships.map((m) => m.targetId), ids, 'each pasted id became a row that was sent');
  });
});

test('a pasted API key lands in its field', async (t) => {
  await shared.withPage(t, { clipboard: true }, async (admin) => {
    await chooseEndpoint(admin, 'athena.createInvite');
    await admin.pasteInto(credentialLabel('athena.createInvite', 'apiKey'), shared.creds.athena.globalApiKey,
                          { key: 'credential/apiKey' });
    await fillForm(admin, 'athena.createInvite', { type: 'organization', invite_method: 'direct', email: 'hedy@example.com' });
    // The key is masked on the page; the sandbox accepting it shows it landed whole.
    assert.equal((await sendInvite(admin)).outcome, 'success');
    assert.deepEqual((await shared.server.state()).memberships.map((m) => m.email), ['hedy@example.com']);
  });
});

test('a reload keeps the history and the draft, not the credentials', async (t) => {
  await shared.withPage(t, async (admin) => {
    const key = shared.creds.athena.globalApiKey;
    await chooseEndpoint(admin, 'athena.createInvite');
    await enterCredentials(admin, 'athena.createInvite', { apiKey: key });
    await fillForm(admin, 'athena.createInvite', { type: 'organization', invite_method: 'direct', email: 'first@example.com' });
    assert.equal((await sendInvite(admin)).outcome, 'success');
    // A new draft, not sent yet.
    await admin.typeInto('Email', 'draft@example.com', { key: '/email' });
    await admin.waitFrames(2);

    await admin.reload();
    await admin.screenshot('after-reload');
    await textShown(admin, /first@example\.com/);  // the history entry
    const state = await admin.waitForState((s) => s.endpoint === 'athena.createInvite', 'the endpoint restored');
    assert.equal(state.sendEnabled, false, 'no credentials after the reload, so nothing can be sent');
    const stored = await admin.page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.equal(stored.includes(key), false, 'the key is in neither localStorage nor sessionStorage');

    // Only the key is typed again: the draft itself came back.
    await enterCredentials(admin, 'athena.createInvite', { apiKey: key });
    assert.equal((await sendInvite(admin)).outcome, 'success');
    const emails = (await shared.server.state()).memberships.map((m) => m.email);
    assert.deepEqual(emails, ['first@example.com', 'draft@example.com']);
  });
});
