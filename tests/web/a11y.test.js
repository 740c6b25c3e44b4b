// The accessible form (web/a11y_form.js + web/accessible_form.cpp): every invite kind filled in and
// sent with the keyboard alone, by role and label as a screen-reader user would, the outcome read
// from the live region; the two-way sync with the canvas; errors linked to their control; Tab
// leaving the canvas; no keys leaking into ImGui; and WCAG AA contrast of the page's colours.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { suite } from './harness.js';
import {
  accessibleForm, chooseEndpointByKeyboard, control, credentialControl, enterAccessibleForm, fillByKeyboard,
  sendButton, sendByKeyboard, tabTo, typeCredentials,
} from './accessible.js';
import { announced, chooseEndpoint, field } from './page.js';

const shared = suite({ before, after });

const pick = (list, keys) => list.map((row) => Object.fromEntries(keys.map((k) => [k, row[k]])));

async function activeInForm(admin) {
  return admin.page.evaluate(() => Boolean(document.activeElement?.closest('#a11y-form')));
}

test('keyboard only: AthenaHQ invites to a website by email, then to a group directly', async (t) => {
  await shared.withPage(t, async (admin) => {
    const { websites, groups, athena } = shared.creds;
    await enterAccessibleForm(admin);
    await chooseEndpointByKeyboard(admin, 'athena.createInvite');
    await typeCredentials(admin, 'athena.createInvite', { apiKey: athena.globalApiKey });
    await fillByKeyboard(admin, 'athena.createInvite', {
      type: 'website', website_id: websites[1], invite_method: 'email', email: 'grace@example.com', role: 'admin',
    });
    await admin.screenshot('a11y-filled');
    assert.equal((await sendByKeyboard(admin)).outcome, 'success');
    await announced(admin, /Success/);

    await fillByKeyboard(admin, 'athena.createInvite', {
      type: 'group', group_id: groups[0], invite_method: 'direct', email: 'linus@example.com', role: 'viewer',
    });
    assert.equal((await sendByKeyboard(admin)).outcome, 'success');
    await announced(admin, /Success.*added/i);

    const sandbox = await shared.server.state();
    assert.deepEqual(pick(sandbox.pendingInvites, ['email', 'targetKind', 'targetId', 'role']),
                     [{ email: 'grace@example.com', targetKind: 'website', targetId: websites[1], role: 'admin' }]);
    assert.deepEqual(sandbox.outbox.map((m) => m.to), ['grace@example.com']);
    assert.deepEqual(pick(sandbox.memberships, ['email', 'targetKind', 'targetId', 'role']),
                     [{ email: 'linus@example.com', targetKind: 'group', targetId: groups[0], role: 'viewer' }]);
  });
});

test('keyboard only: an AthenaHQ bulk invite to two websites, and an organization invite', async (t) => {
  await shared.withPage(t, async (admin) => {
    const { websites, athena } = shared.creds;
    await enterAccessibleForm(admin);
    await chooseEndpointByKeyboard(admin, 'athena.bulkInvite');
    await typeCredentials(admin, 'athena.bulkInvite', { apiKey: athena.globalApiKey });
    await fillByKeyboard(admin, 'athena.bulkInvite', {
      website_ids: websites.slice(0, 2), invite_method: 'direct', email: 'margaret@example.com', first_name: 'Margaret',
    });
    assert.equal((await sendByKeyboard(admin)).outcome, 'success');
    await announced(admin, /Success/);

    // The key typed once serves the family's other endpoint too.
    await chooseEndpointByKeyboard(admin, 'athena.createInvite');
    await fillByKeyboard(admin, 'athena.createInvite', { type: 'organization', invite_method: 'direct', email: 'ada@example.com' });
    assert.equal((await sendByKeyboard(admin)).outcome, 'success');
    await announced(admin, /Success.*organization/i);

    const sandbox = await shared.server.state();
    assert.deepEqual(pick(sandbox.memberships, ['email', 'targetKind', 'targetId']), [
      { email: 'margaret@example.com', targetKind: 'website', targetId: websites[0] },
      { email: 'margaret@example.com', targetKind: 'website', targetId: websites[1] },
      { email: 'ada@example.com', targetKind: 'organization', targetId: sandbox.organization.id },
    ]);
  });
});

test('keyboard only: a users-organizations invite with its permissions', async (t) => {
  await shared.withPage(t, async (admin) => {
    const { usersOrganizations } = shared.creds;
    await enterAccessibleForm(admin);
    await chooseEndpointByKeyboard(admin, 'usersOrganizations.createInvite');
    await typeCredentials(admin, 'usersOrganizations.createInvite', {
      bearerToken: usersOrganizations.bearerToken, sessionToken: usersOrganizations.sessionToken,
    });
    await fillByKeyboard(admin, 'usersOrganizations.createInvite', {
      firstName: 'Alan', lastName: 'Turing', email: 'alan@example.com', permissions: { group: 2, read: [1, 2], manage: [3] },
    });
    assert.equal((await sendByKeyboard(admin)).outcome, 'success');
    await announced(admin, /Success/);
    const profile = (await shared.server.state()).profiles.find((p) => p.email === 'alan@example.com');
    assert.ok(profile, 'the profile exists');
    assert.deepEqual([profile.firstName, profile.lastName, profile.permissions],
                     ['Alan', 'Turing', { group: 2, read: [1, 2], manage: [3] }]);
    const stored = await admin.page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.equal(stored.includes(usersOrganizations.bearerToken), false, 'the token typed in the form is not stored');
  });
});

test('the canvas and the accessible form show the same values, whichever is typed into', async (t) => {
  await shared.withPage(t, async (admin) => {
    await chooseEndpoint(admin, 'athena.createInvite');
    const email = field('athena.createInvite', '/email');
    const lastName = field('athena.createInvite', '/last_name');
    const type = field('athena.createInvite', '/type');

    // Canvas → form: typing on the canvas, choosing a radio button there.
    await admin.typeInto(email.label, 'canvas@example.com', { key: email.path });
    await admin.click('Website', { key: '/type=website' });
    await admin.waitFor(async () => (await control(admin, email).inputValue()) === 'canvas@example.com', 'the email in the form');
    await admin.waitFor(() => control(admin, type, 'website').isChecked(), 'Website checked in the form');

    // Form → canvas: typed in the form, then continued on the canvas, which had the text.
    await control(admin, lastName).focus();
    await admin.page.keyboard.type('Hopper');
    await admin.waitFrames(2);
    await admin.page.locator('#canvas').focus();  // back on the canvas: the form's panel goes
    await admin.click(lastName.label, { key: lastName.path });
    await admin.press('End');
    await admin.page.keyboard.type('!');
    await admin.waitFor(async () => (await control(admin, lastName).inputValue()) === 'Hopper!', 'the canvas edit in the form');

    // A radio chosen in the form shows its field on the canvas (showWhen), and hides the other.
    await control(admin, type, 'group').focus();
    await admin.page.keyboard.press('Space');
    await admin.waitForItem(field('athena.createInvite', '/group_id').label, { key: '/group_id' });
    await admin.waitForNoItem(field('athena.createInvite', '/website_id').label, { key: '/website_id' });

    // A sandbox key used on the canvas lands in the form's password field.
    await admin.click(null, { key: 'sandbox/globalApiKey' });
    await admin.page.waitForFunction(() => document.getElementById('a11y-credential-apiKey').value.length > 0);
    assert.equal(await credentialControl(admin, 'athena.createInvite', 'apiKey').getAttribute('type'), 'password');
  });
});

test('each control names its error text with aria-describedby and says when it is invalid', async (t) => {
  await shared.withPage(t, async (admin) => {
    await enterAccessibleForm(admin);
    await chooseEndpointByKeyboard(admin, 'athena.createInvite');
    const email = control(admin, field('athena.createInvite', '/email'));
    const describedText = (locator) => locator.evaluate((node) => node.getAttribute('aria-describedby').split(' ')
      .map((id) => document.getElementById(id).textContent).join(' '));

    await tabTo(admin, email);
    await admin.page.keyboard.type('not-an-email');
    await admin.waitFor(async () => (await email.getAttribute('aria-invalid')) === 'true', 'the email marked invalid');
    assert.match(await describedText(email), /Enter a valid email address/);
    assert.equal(await sendButton(admin).isDisabled(), true, 'Send is disabled while there are errors');
    assert.match(await describedText(sendButton(admin)), /things? to fix before sending/);
    const key = credentialControl(admin, 'athena.createInvite', 'apiKey');
    assert.match(await describedText(key), /API key/, 'the missing key is said at its field');

    await admin.page.keyboard.press('Control+a');
    await admin.page.keyboard.type('fixed@example.com');
    await admin.waitFor(async () => (await email.getAttribute('aria-invalid')) === 'false', 'the email marked valid');
    assert.doesNotMatch(await describedText(email), /valid email/);
    assert.equal((await admin.state()).errorCount > 0, true, 'the key is still missing');
  });
});

test('Tab leaves the canvas without Esc, the form shows while it has focus, and Shift+Tab goes back', async (t) => {
  await shared.withPage(t, async (admin) => {
    const page = admin.page;
    await page.locator('#canvas').focus();
    await admin.waitFrames(2);
    await page.keyboard.press('Tab');
    assert.equal(await activeInForm(admin), true, 'one Tab moved focus from the canvas into the accessible form');
    const box = await accessibleForm(admin).boundingBox();
    assert.ok(box.width > 200 && box.height > 200, `the form is shown while focused (${box.width}×${box.height})`);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused control has a visible focus outline');
    await admin.screenshot('a11y-focused');

    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
    const hidden = await accessibleForm(admin).boundingBox();
    assert.ok(hidden.width <= 1 && hidden.height <= 1, 'the form is visually hidden again');

    // In a canvas text field Tab moves between ImGui's fields; Esc lets it leave.
    const email = field('athena.bulkInvite', '/email');
    await admin.click(email.label, { key: email.path });
    await admin.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
    await admin.press('Escape');
    await page.keyboard.press('Tab');
    assert.equal(await activeInForm(admin), true, 'Esc then Tab leaves a canvas text field');
  });
});

test('"Remember in this tab" is a checkbox in the form, in step with the canvas one', async (t) => {
  await shared.withPage(t, async (admin) => {
    const form = accessibleForm(admin);
    const checkbox = form.getByRole('checkbox', { name: 'Remember in this tab' });
    await enterAccessibleForm(admin);
    await typeCredentials(admin, 'athena.bulkInvite', { apiKey: 'typed-key' });
    await tabTo(admin, checkbox);
    await admin.page.keyboard.press('Space');
    await admin.waitFor((snap) => snap.items.find((i) => i.label === 'Remember in this tab' && i.checked), 'the canvas checkbox checked');
    const stored = await admin.page.evaluate(() => JSON.stringify({ ...sessionStorage }));
    assert.match(stored, /typed-key/, 'kept in this tab (sessionStorage), as asked');
    await admin.click('Remember in this tab');  // unchecked on the canvas
    await admin.waitFor(async () => !(await checkbox.isChecked()), 'the form checkbox unchecked');
    assert.doesNotMatch(await admin.page.evaluate(() => JSON.stringify({ ...sessionStorage })), /typed-key/);
  });
});

test('keys typed in the accessible form never reach ImGui', async (t) => {
  await shared.withPage(t, async (admin) => {
    await chooseEndpoint(admin, 'athena.createInvite');
    const first = field('athena.createInvite', '/first_name');
    const last = field('athena.createInvite', '/last_name');
    await admin.click(first.label, { key: first.path });  // a canvas text field has ImGui's keyboard
    // Registered now, after app.js's guard (and GLFW's listeners) on window, this capture
    // listener hears just what GLFW hears: the key presses the guard let through. (Releases
    // always pass, so that no key stays held in ImGui; they type nothing.)
    const heard = await admin.page.evaluateHandle(() => {
      const seen = [];
      for (const type of ['keydown', 'keypress']) window.addEventListener(type, (event) => seen.push(`${event.type} ${event.key}`), true);
      return seen;
    });
    await control(admin, last).focus();                 // a screen reader jumps to another field
    await admin.page.keyboard.type('Lovelacx');
    await admin.page.keyboard.press('Backspace');        // GLFW would swallow it page-wide
    await admin.page.keyboard.type('e');
    await admin.page.keyboard.press('Enter');           // ImGui's Enter would send (nothing valid yet)
    await admin.waitFrames(3);
    assert.deepEqual(await heard.jsonValue(), [], 'GLFW heard none of the keys typed in the form');
    assert.equal(await control(admin, last).inputValue(), 'Lovelace');
    assert.equal(await control(admin, first).inputValue(), '', 'the canvas field got none of those keys');
    assert.equal((await admin.state()).outcome, '');
  });
});

test('an idle page draws nothing while the accessible form has focus, and republishes only on change', async (t) => {
  await shared.withPage(t, async (admin) => {
    const models = await admin.page.evaluateHandle(() => {
      const seen = { count: 0 };
      window.addEventListener('invitekit-form', () => { seen.count += 1; });
      return seen;
    });
    const count = () => models.evaluate((seen) => seen.count);
    await enterAccessibleForm(admin);
    await tabTo(admin, control(admin, field('athena.bulkInvite', '/email')));
    await admin.page.keyboard.type('quiet@example.com');
    await admin.waitForState((state) => state.settled, 'the app to go idle');
    const [frame, published] = [(await admin.snapshot()).frame, await count()];
    assert.ok(published >= 1, 'each edit republished the model');
    await admin.page.waitForTimeout(2000);
    assert.equal((await admin.snapshot()).frame, frame, 'no frames drawn while idle');
    assert.equal(await count(), published, 'no model published while nothing changed');

    // Frames drawn with nothing changed (the mouse moved over the canvas, right of the form's
    // panel) publish no model either.
    const box = await admin.page.locator('#canvas').boundingBox();
    for (const step of [0, 1, 2]) await admin.page.mouse.move(box.x + box.width - 30 - 10 * step, box.y + box.height - 20);
    await admin.waitFor((snap) => snap.frame > frame && snap.state.settled, 'the frames drawn for the mouse');
    assert.equal(await count(), published, 'no model published for frames that changed nothing');
  });
});

// WCAG 2.x relative luminance and contrast ratio; colours are [r, g, b, a] in 0..1.
function luminance([r, g, b]) {
  const lin = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
const over = (fg, bg) => [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3])).concat(1);
function contrast(fg, bg) {
  const [a, b] = [luminance(over(fg, bg)), luminance(bg)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

test('text contrast is at least 4.5:1 (WCAG AA) for every text colour on the backgrounds it is drawn on', async (t) => {
  await shared.withPage(t, async (admin) => {
    const { style, page } = await admin.page.evaluate(() => globalThis.invitekitTheme);
    // Translucent backgrounds are seen over the panel they are drawn in.
    const panel = over(style.ChildBg, style.WindowBg);
    const bg = (name) => (style[name][3] < 1 ? over(style[name], panel) : style[name]);
    const pairs = [];
    for (const back of ['WindowBg', 'ChildBg', 'PopupBg', 'FrameBg', 'FrameBgHovered', 'FrameBgActive', 'Button', 'ButtonHovered',
                        'ButtonActive', 'Header', 'HeaderHovered', 'HeaderActive', 'Tab', 'TabHovered', 'TabActive',
                        'TableHeaderBg', 'TextSelectedBg']) pairs.push(['Text', style.Text, back, bg(back)]);
    for (const back of ['WindowBg', 'ChildBg', 'PopupBg', 'FrameBg', 'FrameBgHovered', 'TableHeaderBg']) {
      pairs.push(['TextDisabled', style.TextDisabled, back, bg(back)]);  // hints, placeholders, secondary text
    }
    for (const name of ['error', 'warning', 'success', 'muted']) {
      for (const back of ['WindowBg', 'ChildBg', 'FrameBg']) pairs.push([name, page[name], back, bg(back)]);
    }
    for (const back of ['accent', 'accentHovered', 'accentActive']) pairs.push(['onAccent', page.onAccent, back, page[back]]);
    const failing = pairs.map(([fgName, fg, bgName, back]) => [`${fgName} on ${bgName}`, contrast(fg, back)])
      .filter(([, ratio]) => ratio < 4.5).map(([what, ratio]) => `${what}: ${ratio.toFixed(2)}:1`);
    assert.deepEqual(failing, [], 'text colours under 4.5:1');

    // The accessible form's own text, on its panel, when it shows.
    await enterAccessibleForm(admin);
    const css = await admin.page.evaluate(() => {
      const rgb = (text) => (text.match(/[\d.]+/g) ?? []).map(Number).map((v, i) => (i < 3 ? v / 255 : v)).concat(1).slice(0, 4);
      const form = document.getElementById('a11y-form');
      const back = rgb(getComputedStyle(form).backgroundColor);
      return [...form.querySelectorAll('label, legend, p, h2, button, input, select, textarea')]
        .filter((node) => node.checkVisibility())
        .map((node) => {
          const own = getComputedStyle(node).backgroundColor;
          return [node.tagName + (node.className ? `.${node.className}` : ''), rgb(getComputedStyle(node).color),
                  own === 'rgba(0, 0, 0, 0)' ? back : rgb(own)];
        });
    });
    const cssFailing = css.filter(([, fg, back]) => contrast(fg, back) < 4.5).map(([what, fg, back]) => `${what}: ${contrast(fg, back).toFixed(2)}:1`);
    assert.deepEqual([...new Set(cssFailing)], [], 'accessible form text under 4.5:1');
  });
});

test('keyboard only: Enter in a field sends, and focus lands on the outcome, which says what happened', async (t) => {
  await shared.withPage(t, async (admin) => {
    await enterAccessibleForm(admin);
    await chooseEndpointByKeyboard(admin, 'athena.createInvite');
    // The sandbox's key, by its button: its value never reaches the page's model.
    const useKey = accessibleForm(admin).getByRole('button', { name: 'Use the global API key' });
    await tabTo(admin, useKey);
    await admin.page.keyboard.press('Enter');
    await admin.page.waitForFunction(() => document.getElementById('a11y-credential-apiKey').value.length > 0);
    await fillByKeyboard(admin, 'athena.createInvite', { type: 'organization', invite_method: 'direct', email: 'ada@example.com' });
    await admin.waitForState((state) => state.sendEnabled, 'Send to be enabled');
    const before = (await admin.state()).sendId;
    await tabTo(admin, control(admin, field('athena.createInvite', '/email')));
    await admin.page.keyboard.press('Enter');
    await admin.waitForState((state) => state.sendId !== before && !state.inFlight && state.outcome === 'success', 'the send');
    await admin.page.waitForFunction(() => document.activeElement?.id === 'a11y-outcome');
    const outcome = accessibleForm(admin).getByRole('region', { name: 'Outcome' });
    assert.match(await outcome.innerText(), /Success, HTTP 20\d\.[\s\S]*For the invite sent at .*: Invite a user, ada@example\.com\./);
    assert.equal(await activeInForm(admin), true, 'focus stayed in the form');

    // The same invite once more asks first; declined, nothing is sent.
    admin.page.once('dialog', (dialog) => dialog.dismiss());
    await tabTo(admin, control(admin, field('athena.createInvite', '/email')));
    await admin.page.keyboard.press('Enter');
    await admin.page.waitForTimeout(500);
    assert.equal((await shared.server.state()).memberships.length, 1, 'not sent again');
  });
});

test('keyboard only: sandbox ids, a bulk outcome row by row, history and Copy as curl are in the form', async (t) => {
  await shared.withPage(t, async (admin) => {
    const [member, fresh] = shared.creds.websites;
    await fetch(`${shared.server.url}/api/v1/invites`, {  // test data: already on the first website
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': shared.creds.athena.globalApiKey },
      body: JSON.stringify({ type: 'website', website_id: member, invite_method: 'direct', email: 'barbara@example.com' }),
    });
    const form = accessibleForm(admin);
    await enterAccessibleForm(admin);
    await chooseEndpointByKeyboard(admin, 'athena.bulkInvite');
    for (const name of ['Use the global API key', `Use website ${member}`, `Use website ${fresh}`]) {
      await tabTo(admin, form.getByRole('button', { name }));
      await admin.page.keyboard.press('Enter');
    }
    const list = control(admin, field('athena.bulkInvite', '/website_ids'));
    await admin.waitFor(async () => (await list.inputValue()) === `${member}\n${fresh}`, 'both websites in the list');
    await fillByKeyboard(admin, 'athena.bulkInvite', { invite_method: 'direct', email: 'barbara@example.com' });
    assert.equal((await sendByKeyboard(admin)).outcome, 'partial');
    const rows = form.getByRole('region', { name: 'Outcome' }).getByRole('listitem');
    await admin.waitFor(async () => (await rows.count()) === 2, 'one row per website');
    assert.match(await rows.nth(0).innerText(), new RegExp(`website ${member}: failed\\. .*already a member`, 'i'));
    assert.match(await rows.nth(1).innerText(), new RegExp(`website ${fresh}: added\\.`));

    await tabTo(admin, form.getByRole('button', { name: 'Copy as curl' }));
    await admin.page.keyboard.press('Enter');
    await admin.waitFor(async () => /^curl -X POST '.*\/api\/v1\/invites\/bulk'/.test(await admin.page.evaluate(() => navigator.clipboard.readText())),
                        'the curl command on the clipboard');
    const copied = await admin.page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /\$INVITEKIT_API_KEY/, 'the key as an environment variable, not its value');

    // History: the entry opens as the draft again.
    const email = control(admin, field('athena.bulkInvite', '/email'));
    await tabTo(admin, email);
    await admin.page.keyboard.press('Control+a');
    await admin.page.keyboard.type('someone@example.com');
    const open = form.getByRole('region', { name: 'History' }).getByRole('button', { name: /^Open the invite of .*barbara@example\.com: Partly done/ });
    await tabTo(admin, open);
    await admin.page.keyboard.press('Enter');
    await admin.waitFor(async () => (await email.inputValue()) === 'barbara@example.com', 'the history entry opened as the draft');
  });
});
