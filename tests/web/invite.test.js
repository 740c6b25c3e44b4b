// Each endpoint filled in through the form and sent to the sandbox: the outcome on the page,
// and the sandbox's state (GET /sandbox/state) matching what was asked.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { suite } from './harness.js';
import { announced, chooseEndpoint, enterCredentials, fillForm, sendInvite, textShown } from './page.js';

const shared = suite({ before, after });

test('AthenaHQ: a direct organization invite adds the member', async (t) => {
  await shared.withPage(t, async (admin) => {
    await chooseEndpoint(admin, 'athena.createInvite');
    await enterCredentials(admin, 'athena.createInvite', { apiKey: shared.creds.athena.globalApiKey });
    await fillForm(admin, 'athena.createInvite', {
      type: 'organization', invite_method: 'direct', email: 'ada@example.com', role: 'admin',
      first_name: 'Ada', last_name: 'Lovelace',
    });
    await admin.screenshot('invite-filled');
    const state = await sendInvite(admin);
    assert.equal(state.outcome, 'success');
    await textShown(admin, /User added to organization/);
    await announced(admin, /Success.*User added to organization/);  // what a screen reader hears
    await admin.screenshot('invite-success');

    const sandbox = await shared.server.state();
    const ada = sandbox.users.find((u) => u.email === 'ada@example.com');
    assert.ok(ada, 'the user was created');
    assert.equal(ada.firstName, 'Ada');
    assert.equal(ada.lastName, 'Lovelace');
    assert.deepEqual(sandbox.memberships.map(({ email, targetKind, targetId, role }) => ({ email, targetKind, targetId, role })),
                     [{ email: 'ada@example.com', targetKind: 'organization', targetId: sandbox.organization.id, role: 'admin' }]);
    assert.deepEqual(sandbox.outbox, [], 'a direct invite sends no email');
  });
});

test('AthenaHQ: an email invite to a website leaves a pending invite and an email', async (t) => {
  await shared.withPage(t, async (admin) => {
    const websiteId = shared.creds.websites[1];
    await chooseEndpoint(admin, 'athena.createInvite');
    await enterCredentials(admin, 'athena.createInvite', { apiKey: shared.creds.athena.globalApiKey });
    await fillForm(admin, 'athena.createInvite', {
      type: 'website', website_id: websiteId, invite_method: 'email', email: 'grace@example.com',
    });
    const state = await sendInvite(admin);
    assert.equal(state.outcome, 'success');

    const sandbox = await shared.server.state();
    assert.deepEqual(sandbox.memberships, [], 'nobody is a member before accepting');
    assert.deepEqual(sandbox.pendingInvites.map(({ email, targetKind, targetId, role }) => ({ email, targetKind, targetId, role })),
                     [{ email: 'grace@example.com', targetKind: 'website', targetId: websiteId, role: 'viewer' }],
                     'the role is the documented default, pre-selected');
    assert.deepEqual(sandbox.outbox.map((m) => m.to), ['grace@example.com']);
  });
});

test('AthenaHQ: a direct group invite sent with Enter adds the group membership', async (t) => {
  await shared.withPage(t, async (admin) => {
    const groupId = shared.creds.groups[0];
    await chooseEndpoint(admin, 'athena.createInvite');
    await enterCredentials(admin, 'athena.createInvite', { apiKey: shared.creds.athena.globalApiKey });
    await fillForm(admin, 'athena.createInvite', {
      type: 'group', group_id: groupId, invite_method: 'direct', email: 'linus@example.com',
    });
    assert.equal((await sendInvite(admin, { enter: true })).outcome, 'success', 'Enter sends');
    const sandbox = await shared.server.state();
    assert.deepEqual(sandbox.memberships.map(({ email, targetKind, targetId }) => ({ email, targetKind, targetId })),
                     [{ email: 'linus@example.com', targetKind: 'group', targetId: groupId }]);
  });
});

test('AthenaHQ bulk: a direct invite to two websites adds both memberships', async (t) => {
  await shared.withPage(t, async (admin) => {
    const websiteIds = shared.creds.websites.slice(0, 2);
    await chooseEndpoint(admin, 'athena.bulkInvite');
    await enterCredentials(admin, 'athena.bulkInvite', { apiKey: shared.creds.athena.globalApiKey });
    await fillForm(admin, 'athena.bulkInvite', {
      website_ids: websiteIds, invite_method: 'direct', email: 'margaret@example.com', role: 'viewer',
    });
    assert.equal((await sendInvite(admin)).outcome, 'success');
    await admin.screenshot('bulk-success');
    const sandbox = await shared.server.state();
    assert.deepEqual(sandbox.memberships.map(({ email, targetKind, targetId }) => ({ email, targetKind, targetId })),
                     websiteIds.map((targetId) => ({ email: 'margaret@example.com', targetKind: 'website', targetId })));
  });
});

test('AthenaHQ bulk: one website already a member → partial, and that row fails', async (t) => {
  await shared.withPage(t, async (admin) => {
    const [member, fresh] = shared.creds.websites;
    // Test data: the person is already on the first website (set up through the sandbox API).
    const setup = await fetch(`${shared.server.url}/api/v1/invites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': shared.creds.athena.globalApiKey },
      body: JSON.stringify({ type: 'website', website_id: member, invite_method: 'direct', email: 'barbara@example.com' }),
    });
    assert.equal(setup.status < 300, true, `setup invite answered ${setup.status}`);

    await chooseEndpoint(admin, 'athena.bulkInvite');
    await enterCredentials(admin, 'athena.bulkInvite', { apiKey: shared.creds.athena.globalApiKey });
    await fillForm(admin, 'athena.bulkInvite', {
      website_ids: [member, fresh], invite_method: 'direct', email: 'barbara@example.com',
    });
    assert.equal((await sendInvite(admin)).outcome, 'partial');
    await admin.screenshot('bulk-partial');

    // The results table: one row per website, the first failing with the server's reason.
    const failedRow = await textShown(admin, /already a member/i);
    const memberCell = await textShown(admin, member, { window: failedRow.window });
    const freshCell = await textShown(admin, fresh, { window: failedRow.window });
    assert.ok(Math.abs(memberCell.y - failedRow.y) < 4, 'the error is on the row of the website already joined');
    assert.ok(Math.abs(freshCell.y - failedRow.y) >= 4, 'the other website\'s row did not fail');

    const sandbox = await shared.server.state();
    assert.deepEqual(sandbox.memberships.filter((m) => m.email === 'barbara@example.com').map((m) => m.targetId).sort(),
                     [member, fresh].sort());
  });
});

test('users-organizations: an invite creates the profile with its permissions', async (t) => {
  await shared.withPage(t, async (admin) => {
    await chooseEndpoint(admin, 'usersOrganizations.createInvite');
    await enterCredentials(admin, 'usersOrganizations.createInvite', {
      bearerToken: shared.creds.usersOrganizations.bearerToken, sessionToken: shared.creds.usersOrganizations.sessionToken,
    });
    await fillForm(admin, 'usersOrganizations.createInvite', {
      firstName: 'Alan', lastName: 'Turing', email: 'alan@example.com',
      permissions: { group: 2, read: [1, 2], manage: [3] },
    });
    assert.equal((await sendInvite(admin)).outcome, 'success');
    await admin.screenshot('users-organizations-success');

    const sandbox = await shared.server.state();
    const profile = sandbox.profiles.find((p) => p.email === 'alan@example.com');
    assert.ok(profile, 'the profile exists');
    assert.equal(profile.firstName, 'Alan');
    assert.equal(profile.lastName, 'Turing');
    assert.deepEqual(profile.permissions, { group: 2, read: [1, 2], manage: [3] });
  });
});

test('the sandbox panel fills in a seeded key and website with one click each', async (t) => {
  await shared.withPage(t, async (admin) => {
    await chooseEndpoint(admin, 'athena.createInvite');
    await admin.click(null, { key: 'sandbox/globalApiKey' });
    await admin.click(`Use website ${shared.creds.websites[2]}`);  // also switches the type to website
    await fillForm(admin, 'athena.createInvite', { invite_method: 'direct', email: 'radia@example.com' });
    assert.equal((await sendInvite(admin)).outcome, 'success');
    const sandbox = await shared.server.state();
    assert.deepEqual(sandbox.memberships.map(({ email, targetKind, targetId }) => ({ email, targetKind, targetId })),
                     [{ email: 'radia@example.com', targetKind: 'website', targetId: shared.creds.websites[2] }]);
  });
});
