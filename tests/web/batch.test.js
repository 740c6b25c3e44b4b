// The tab "Invite many people": a table pasted with Ctrl+V (or opened, or dropped) and its bad cells
// marked; cells edited and rows left out; the batch sent to a sandbox that limits the rate and fails
// a tenth of the calls, every valid row ending succeeded and received exactly once; a reload in the
// middle that sends nothing twice; Pause, Resume, Cancel; Retry failed; the downloaded results; and
// the same tab with the keyboard alone, through the accessible batch.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { AdminPage, startServer, suite } from './harness.js';
import { accessibleForm, credentialControl, tabTo } from './accessible.js';
import { textShown } from './page.js';

// Every test here sends through a sandbox that answers 429 beyond 5 calls a second and 503 to a
// tenth of the calls (nothing done: safe to retry), never to the same call more than 3 times
// running: the page tries a row 4 times, so every row gets through and a test that expects all
// to succeed does not fail by chance (1 run in a few hundred, without the bound).
const TRAFFIC = ['--rate-limit', '5', '--fail-rate', '0.1', '--fail-streak', '3'];
const shared = suite({ before, after, serverArgs: TRAFFIC });

// The browser reports each refused fetch as a console error: expected here.
const REFUSALS = /status of (403|409|429|503)/;

// ---- the table ------------------------------------------------------------------------------

const HEADER = ['Email', 'First name', 'Last name', 'Invite to', 'Website', 'How', 'Role'];

// 60 people to add to the organization; five rows (by index) carry one mistake each, in the cell
// named here: what the tab must mark.
const MISTAKES = {
  6: { column: 'Email', cells: { Email: 'person6@example' } },
  17: { column: 'Email', cells: { Email: 'not an email' } },
  28: { column: 'Role', cells: { Role: 'boss' } },
  39: { column: 'Invite to', cells: { 'Invite to': 'galaxy' } },
  50: { column: 'Website', cells: { 'Invite to': 'website', Website: '' } },
};

function person(i, tag) {
  return { Email: `${tag}${i}@example.com`, 'First name': `First${i}`, 'Last name': `Last${i}`,
           'Invite to': 'Organization', Website: '', How: 'Add directly', Role: i % 2 ? 'viewer' : 'Admin' };
}

/** A spreadsheet's clipboard (tab-separated) of `count` people, with the five mistakes when asked. */
function team({ count = 60, tag = 'person', mistakes = true } = {}) {
  const rows = Array.from({ length: count }, (_, i) => ({ ...person(i, tag), ...(mistakes ? MISTAKES[i]?.cells : {}) }));
  const text = [HEADER, ...rows.map((r) => HEADER.map((h) => r[h]))].map((cells) => cells.join('\t')).join('\n') + '\n';
  const valid = rows.filter((_, i) => !(mistakes && MISTAKES[i]));
  return { text, rows, valid };
}

/** CSV of `count` direct website invites: the sandbox's website-key's own website, or another one
 * for the rows `refused` picks (that key gets a final 403 for them). */
function twoWebsites({ count, tag, refused }) {
  const own = shared.creds.athena.websiteId;
  const other = shared.creds.websites.find((id) => id !== own);
  const rows = Array.from({ length: count }, (_, i) => [`${tag}${i}@example.com`, 'website', refused(i) ? other : own, 'direct']);
  return [['Email', 'Invite to', 'Website', 'How'], ...rows].map((r) => r.join(',')).join('\n');
}

// ---- the tab, by its widgets ----------------------------------------------------------------

async function openBatchTab(admin) {
  await admin.click(null, { key: 'tab/batch' });
  await textShown(admin, /^Paste a table of people|rows: \d+ to send/);
}

/** Copies `text` (test data, as a user copies from a spreadsheet) and pastes it with Ctrl+V. */
async function pasteTable(admin, text) {
  await admin.page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await admin.press('Control+v');
}

function summary(admin, text) {
  return textShown(admin, new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
}

/** The progress line of the send panel: {done, of, succeeded, already, failed, waiting, unknown}. */
async function progress(admin) {
  const item = (await admin.items(/^Sent \d+ of \d+/, { key: 'text' }))[0];
  if (!item) return null;
  const number = (re) => Number(re.exec(item.label)?.[1] ?? 0);
  return {
    text: item.label, done: number(/^Sent (\d+)/), of: number(/^Sent \d+ of (\d+)/),
    succeeded: number(/(\d+) succeeded/), already: number(/(\d+) already/), failed: number(/(\d+) failed/),
    waiting: number(/(\d+) waiting/), unknown: number(/(\d+) unknown/),
  };
}

async function waitForProgress(admin, check, what, timeout = 120_000) {
  return admin.waitFor(async () => {
    const p = await progress(admin);
    return p && check(p) && p;
  }, what, timeout);
}

/** The cells marked as wrong (✗) or warned about (!) among the rows shown: [{line, column, mark}]. */
async function marks(admin, header = HEADER) {
  const cells = await admin.items(/^[✗!] /, { key: /^batch\/cell\/\d+\/\d+$/ });
  return cells.map((item) => {
    const [, row, column] = /^batch\/cell\/(\d+)\/(\d+)$/.exec(item.key);
    return { line: Number(row) + 2, column: header[Number(column)], mark: item.label[0] };
  }).sort((a, b) => a.line - b.line);
}

/** Every mark in the rows shown, the table scrolled from its left edge to its right (it is wider
 *  than the panel: ImGui leaves out the cells of columns out of view). */
async function allMarks(admin) {
  const found = new Map();
  const table = await admin.waitForItem(/^Row \d+$/, { key: /^batch\/row\// });
  const { x, y } = await admin.centre(table);
  await admin.page.mouse.move(x, y);
  await admin.page.mouse.wheel(-4000, 0);
  await admin.waitFrames(2);
  for (let step = 0; step < 20; step++) {
    for (const m of await marks(admin)) found.set(`${m.line}/${m.column}`, m);
    const before = (await admin.items(null, { key: /^batch\/cell\// })).map((i) => i.key).join();
    await admin.page.mouse.wheel(400, 0);
    await admin.waitFrames(2);
    if ((await admin.items(null, { key: /^batch\/cell\// })).map((i) => i.key).join() === before) break;  // the right edge
  }
  await admin.page.mouse.wheel(-4000, 0);
  await admin.waitFrames(2);
  return [...found.values()].sort((a, b) => a.line - b.line || a.column.localeCompare(b.column));
}

/** Scrolls the table sideways until `label` (in the cell with `key`) shows. */
async function cellInView(admin, label, key) {
  const table = await admin.waitForItem(/^Row \d+$/, { key: /^batch\/row\// });
  const { x, y } = await admin.centre(table);
  await admin.page.mouse.move(x, y);
  await admin.page.mouse.wheel(-4000, 0);
  await admin.waitFrames(2);
  for (let step = 0; step < 20; step++) {
    const item = (await admin.items(label, { key }))[0];
    if (item) return item;
    await admin.page.mouse.move(x, y);
    await admin.page.mouse.wheel(400, 0);
    await admin.waitFrames(2);
  }
  throw new Error(`the cell ${label} never came into view`);
}

const expectedMarks = Object.entries(MISTAKES).map(([i, m]) => ({ line: Number(i) + 2, column: m.column, mark: '✗' }));

async function useKey(admin, name = 'globalApiKey') {
  await admin.click(null, { key: `sandbox/${name}` });
}

async function downloadResults(admin, press) {
  const [download] = await Promise.all([admin.page.waitForEvent('download'), press()]);
  assert.match(download.suggestedFilename(), /^invitekit-results-\d{4}-\d\d-\d\d-\d{6}\.csv$/);
  return parseCsv(fs.readFileSync(await download.path(), 'utf8'));
}

/** RFC 4180, as the page writes it: rows of {column: cell}. */
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])));
}

/** The sandbox's count of arrivals per email (createInvite bodies). */
async function receivedByEmail(server) {
  const counts = new Map();
  for (const r of (await server.state()).received) counts.set(r.invite.email, (counts.get(r.invite.email) ?? 0) + r.count);
  return counts;
}

// ---- the tests --------------------------------------------------------------------------------

test('a pasted table of 60 people: the 5 bad cells are marked, with the core\'s words; cells edited, a row left out', async (t) => {
  await shared.withPage(t, async (admin) => {
    await openBatchTab(admin);
    await pasteTable(admin, team().text);
    await summary(admin, '60 rows: 55 to send, 5 to fix, 0 left out');
    await admin.click(null, { key: 'batch/problems' });  // only the rows with problems: all in view
    // Each row says which column to look at, in view however wide the table is.
    for (const m of Object.values(MISTAKES)) await textShown(admin, `✗ ${m.column}`, { window: /##batch\/rows/ });
    assert.deepEqual(await allMarks(admin), expectedMarks);
    await admin.screenshot('batch-marked');

    // The bad Role cell, hovered: the core's message for it.
    const role = await cellInView(admin, '✗ boss', 'batch/cell/28/6');
    const { x, y } = await admin.centre(role);
    await admin.page.mouse.move(x, y);
    const tip = await textShown(admin, /^✗ Role: /);
    // Selected, the row says the same under the table.
    await admin.click('Row 30');
    await admin.waitForItem(tip.label, { key: 'text', window: /##batch_[^/]*$/ });  // under the table

    // Fixed in place: the email cell clicked, its text replaced, Enter.
    await cellInView(admin, '✗ person6@example', 'batch/cell/6/0');
    await admin.click('✗ person6@example', { key: 'batch/cell/6/0' });
    await admin.press('Control+a');
    await admin.page.keyboard.type('person6@example.com', { delay: 15 });
    await admin.press('Enter');
    await summary(admin, '60 rows: 56 to send, 4 to fix, 0 left out');

    // Left out: the row that invites to a galaxy.
    await admin.click('Send row 41');
    await summary(admin, '60 rows: 56 to send, 3 to fix, 1 left out');

    // An email another row has: both rows warned (they can still be sent).
    await cellInView(admin, '✗ not an email', 'batch/cell/17/0');
    await admin.click('✗ not an email', { key: 'batch/cell/17/0' });
    await admin.press('Control+a');
    await admin.page.keyboard.type('person0@example.com', { delay: 15 });
    await admin.press('Enter');
    await summary(admin, '60 rows: 57 to send, 2 to fix, 1 left out');
    assert.deepEqual((await allMarks(admin)).filter((m) => m.mark === '!').map((m) => m.line), [2, 19]);
    await admin.screenshot('batch-edited');
  });
});

test('55 valid rows sent through 429s and 503s: each ends succeeded, the sandbox received each once; Pause holds it', async (t) => {
  // At 1280×800, a laptop's window: its batch-done screenshot is the README's.
  await shared.withPage(t, { viewport: { width: 1280, height: 800 } }, async (admin) => {
    admin.allowConsoleError(REFUSALS);
    const { text, valid } = team();
    await openBatchTab(admin);
    await pasteTable(admin, text);
    await summary(admin, '60 rows: 55 to send, 5 to fix, 0 left out');
    await useKey(admin);
    await admin.click('Send 55 rows');

    // Paused midway: once the sends in flight are answered, nothing more arrives.
    await waitForProgress(admin, (p) => p.done >= 10, '10 rows sent');
    await admin.click('Pause');
    await textShown(admin, /^Paused: \d+ rows are still to send\.$/, { timeout: 30_000 });
    const held = (await shared.server.state()).received.length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal((await shared.server.state()).received.length, held, 'nothing is sent while paused');
    await admin.screenshot('batch-paused');

    await admin.click(/^Resume \(\d+ rows left\)$/);
    const end = await waitForProgress(admin, (p) => p.done === 55, 'every row sent');
    assert.deepEqual([end.succeeded, end.failed, end.unknown, end.waiting], [55, 0, 0, 0]);
    await textShown(admin, 'Done: every row that could go has an outcome.');
    await admin.screenshot('batch-done');

    const received = await receivedByEmail(shared.server);
    assert.deepEqual([...received.keys()].sort(), valid.map((r) => r.Email).sort());
    assert.deepEqual([...new Set(received.values())], [1], 'each invite arrived exactly once');

    // The results: every row, its outcome, the ids the server gave, the server's words.
    const results = await downloadResults(admin, () => admin.click('Download results'));
    assert.equal(results.length, 60);
    assert.deepEqual(Object.keys(results[0]), ['row', 'email', 'state', 'status', 'message', 'user_id', 'invite_id', 'attempts', 'invite']);
    const users = new Map((await shared.server.state()).users.map((u) => [u.email, u.id]));
    for (const r of results) {
      const mistake = MISTAKES[Number(r.row) - 2];
      if (mistake) {
        assert.equal(r.state, 'invalid', `row ${r.row}`);
        assert.ok(r.message.length > 10, `row ${r.row} says why`);
        assert.equal(r.attempts, '0');
      } else {
        assert.deepEqual([r.state, r.status, r.message, r.user_id], ['succeeded', '200', 'User added to organization', users.get(r.email)], `row ${r.row}`);
        assert.equal(JSON.parse(r.invite).email, r.email);
      }
    }
    const tries = results.reduce((sum, r) => sum + Number(r.attempts), 0);
    assert.ok(tries > 55, `the rate limit and the failures made some rows try again (${tries} tries)`);
  });
});

test('a reload in the middle: the batch resumes, rows in flight are "unknown" and go again only when asked', async (t) => {
  // Slow answers, so that sends are in flight when the page goes away.
  const server = await startServer({ args: [...TRAFFIC, '--latency', '400'] });
  t.after(() => server.stop());
  await shared.withPage(t, { server }, async (admin) => {
    admin.allowConsoleError(REFUSALS);
    const { text, valid } = team();
    await openBatchTab(admin);
    await pasteTable(admin, text);
    await useKey(admin);
    await admin.click('Remember in this tab');  // the key survives the reload (sessionStorage)
    await admin.click('Send 55 rows');
    await waitForProgress(admin, (p) => p.done >= 12, '12 rows sent');

    await admin.reload();
    // The page comes back on the tab, carries on by itself, and says what it found.
    await textShown(admin, /being sent when the page went away/);
    const end = await waitForProgress(admin, (p) => p.done === 55, 'every row sent or unknown');
    assert.ok(end.unknown >= 1, `rows were in flight at the reload (${end.text})`);
    assert.equal(end.succeeded + end.unknown, 55, end.text);
    await admin.screenshot('batch-after-reload');

    let received = await receivedByEmail(server);
    assert.ok([...received.values()].every((n) => n === 1), 'nothing arrived twice');
    const before = await downloadResults(admin, () => admin.click('Download results'));
    const unknown = before.filter((r) => r.state === 'unknown').map((r) => r.email);
    assert.equal(unknown.length, end.unknown);
    for (const r of before.filter((row) => row.state === 'succeeded')) assert.equal(received.get(r.email), 1, r.email);

    // The admin chooses to send the unknown rows too: those that had arrived are already there.
    await admin.click(`Send ${end.unknown} unknown ${end.unknown === 1 ? 'row' : 'rows'} too`);
    const last = await waitForProgress(admin, (p) => p.unknown === 0 && p.done === 55, 'the unknown rows sent');
    assert.equal(last.succeeded + last.already, 55, last.text);
    received = await receivedByEmail(server);
    assert.deepEqual([...received.keys()].sort(), valid.map((r) => r.Email).sort());
    for (const [email, count] of received) assert.equal(count, unknown.includes(email) ? count : 1, email);
    const users = (await server.state()).users.map((u) => u.email).sort();
    assert.deepEqual(users, valid.map((r) => r.Email).sort(), 'everyone is in, once');
  });
});

test('Cancel stops sending; Send again sends the rest, each row once', async (t) => {
  await shared.withPage(t, async (admin) => {
    admin.allowConsoleError(REFUSALS);
    const { text, valid } = team({ count: 30, tag: 'cancel', mistakes: false });
    await openBatchTab(admin);
    await pasteTable(admin, text);
    await useKey(admin);
    await admin.click('Send 30 rows');
    await waitForProgress(admin, (p) => p.done >= 5, '5 rows sent');
    await admin.click('Cancel');
    const cancelled = await textShown(admin, /^Cancelled: \d+ rows were not sent\.$/, { timeout: 30_000 });
    const left = Number(/(\d+) rows/.exec(cancelled.label)[1]);
    const p = await progress(admin);
    assert.equal(p.done + left, 30, p.text);
    assert.equal((await shared.server.state()).received.length, p.done, 'only the rows with an outcome arrived');

    await admin.click(`Resume (${left} rows left)`);
    await waitForProgress(admin, (q) => q.done === 30 && q.succeeded === 30, 'the rest sent');
    const received = await receivedByEmail(shared.server);
    assert.deepEqual([...received.keys()].sort(), valid.map((r) => r.Email).sort());
    assert.deepEqual([...new Set(received.values())], [1]);
  });
});

test('storage full: no row is sent that the page could not first note as being sent', async (t) => {
  await shared.withPage(t, async (admin) => {
    admin.allowConsoleError(REFUSALS);
    const { text, valid } = team({ count: 3, tag: 'full', mistakes: false });
    await openBatchTab(admin);
    await pasteTable(admin, text);
    await useKey(admin);
    // Other data of this origin fills what the browser gives it, to the last few bytes.
    await admin.page.evaluate(() => {
      for (const size of [262144, 4096, 64, 1]) {
        for (let i = 0; ; ++i) {
          try { localStorage.setItem(`filler.${size}.${i}`, 'x'.repeat(size)); } catch { break; }
        }
      }
    });
    await admin.click('Send 3 rows');
    await textShown(admin, /could not note that a row is being sent/);
    const mine = async () => [...(await receivedByEmail(shared.server)).keys()].filter((e) => e.startsWith('full'));
    assert.deepEqual(await mine(), [], 'nothing was sent unmarked');

    await admin.page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('filler.')) localStorage.removeItem(key);
    });
    await admin.click(/^(Send 3 rows|Resume \(3 rows left\))$/);
    await waitForProgress(admin, (p) => p.done === 3 && p.succeeded === 3, 'every row sent');
    const received = await receivedByEmail(shared.server);
    for (const r of valid) assert.equal(received.get(r.Email), 1, r.Email);
  });
});

test('a second tab of the page does not send the batch the first is sending, and picks up where it ended', async (t) => {
  await shared.withPage(t, async (admin) => {
    admin.allowConsoleError(REFUSALS);
    const { text, valid } = team({ count: 30, tag: 'twotabs', mistakes: false });
    await openBatchTab(admin);
    await pasteTable(admin, text);
    await useKey(admin);
    await admin.click('Send 30 rows');
    await waitForProgress(admin, (p) => p.done >= 3, '3 rows sent');

    // The same page opened again in another tab (it shares the first one's localStorage).
    const second = new AdminPage(await admin.page.context().newPage(), admin.server);
    second.allowConsoleError(REFUSALS);
    try {
      await second.page.goto(admin.server.url + '/');
      await second.waitForApp();
      await textShown(second, /being sent from another tab of this page/);
      await useKey(second);
      await second.click(/^Resume \(\d+ rows left\)$/);
      await textShown(second, /being sent from another tab of this page/);

      const end = await waitForProgress(admin, (p) => p.done === 30, 'the first tab sends every row');
      assert.equal(end.succeeded, 30, end.text);
      // The second tab's copy is stale; asked again, it reads where the batch stands and sends nothing.
      await second.click(/^Resume \(\d+ rows left\)$/);
      const seen = await waitForProgress(second, (p) => p.done === 30, 'the second tab sees every row done');
      assert.equal(seen.succeeded, 30, seen.text);
      const received = await receivedByEmail(shared.server);
      for (const r of valid) assert.equal(received.get(r.Email), 1, r.Email);
    } finally {
      await second.page.close();
    }
  });
});

test('Retry failed sends only the failed rows again', async (t) => {
  await shared.withPage(t, async (admin) => {
    admin.allowConsoleError(REFUSALS);
    // Ten people for two websites; the key used first works for the first website only (403 for
    // the others, final for their rows).
    await openBatchTab(admin);
    await pasteTable(admin, twoWebsites({ count: 10, tag: 'site', refused: (i) => i >= 5 }));
    await summary(admin, '10 rows: 10 to send, 0 to fix, 0 left out');
    await useKey(admin, 'websiteApiKey');
    await admin.click('Send 10 rows');
    await waitForProgress(admin, (p) => p.done === 10, 'every row answered');
    const first = await progress(admin);
    assert.deepEqual([first.succeeded, first.failed], [5, 5], first.text);
    await textShown(admin, 'This API key only works for its own website, not this one.');
    await admin.screenshot('batch-failed');

    await useKey(admin, 'globalApiKey');
    await admin.click('Retry 5 failed');
    await waitForProgress(admin, (p) => p.succeeded === 10, 'the failed rows sent again');
    const received = await receivedByEmail(shared.server);
    for (let i = 0; i < 10; i++) {
      assert.equal(received.get(`site${i}@example.com`), i < 5 ? 1 : 2, `row ${i + 2}: ${i < 5 ? 'not sent again' : 'refused once, then sent'}`);
    }
  });
});

test('Retry failed after Cancel sends the failed rows, not the ones Cancel held back', async (t) => {
  await shared.withPage(t, async (admin) => {
    admin.allowConsoleError(REFUSALS);
    // The first five rows are for another website than the key's (403, final); the rest succeed.
    await openBatchTab(admin);
    await pasteTable(admin, twoWebsites({ count: 40, tag: 'scope', refused: (i) => i < 5 }));
    await useKey(admin, 'websiteApiKey');
    await admin.click('Send 40 rows');
    await waitForProgress(admin, (p) => p.failed === 5 && p.done >= 8, 'the five refusals');
    await admin.click('Cancel');
    await textShown(admin, /^Cancelled: \d+ rows were not sent\.$/, { timeout: 30_000 });
    const held = (await progress(admin)).waiting;
    assert.ok(held > 0, 'Cancel held rows back');
    const scoped = (received) => [...received.keys()].filter((e) => e.startsWith('scope')).sort();
    const arrivedBefore = scoped(await receivedByEmail(shared.server));

    await admin.click('Retry 5 failed');
    await textShown(admin, `Paused: ${held} rows are still to send.`, { timeout: 30_000 });
    const after = await progress(admin);
    assert.deepEqual([after.failed, after.waiting], [5, held], after.text);
    const received = await receivedByEmail(shared.server);
    assert.deepEqual(scoped(received), arrivedBefore, 'no held-back row arrived');
    for (let i = 0; i < 5; i++) assert.equal(received.get(`scope${i}@example.com`), 2, `row ${i + 2} was tried again`);
  });
});

test('a .csv file opened with the file picker, and one dropped on the page', async (t) => {
  await shared.withPage(t, async (admin) => {
    await openBatchTab(admin);
    const csv = 'E-mail;First Name;Invite type;Invite method\r\n"ann@example.com";Ann;organization;email\r\nbob@example.com;Bob;organization;email\r\n';
    const [chooser] = await Promise.all([admin.page.waitForEvent('filechooser'), admin.click('Open a .csv file…')]);
    await chooser.setFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await textShown(admin, '— team.csv, 2 rows');
    await summary(admin, '2 rows: 2 to send, 0 to fix, 0 left out');

    // A drop: the file arrives as the browser hands it over (Playwright cannot drag from the desktop).
    const dropped = await admin.page.evaluateHandle(() => {
      const data = new DataTransfer();
      data.items.add(new File(['Email,Invite to,How\nzed@example.com,organization,direct\n'], 'more.csv', { type: 'text/csv' }));
      return data;
    });
    await admin.page.dispatchEvent('#canvas', 'drop', { dataTransfer: dropped });
    await textShown(admin, '— more.csv, 1 row');
    await summary(admin, '1 row: 1 to send, 0 to fix, 0 left out');
  });
});

test('keyboard only: a table typed into the accessible batch, sent, the progress read out, the results saved', async (t) => {
  await shared.withPage(t, async (admin) => {
    admin.allowConsoleError(REFUSALS);
    const page = admin.page;
    const batch = page.getByRole('region', { name: 'Invite many people' });
    await page.locator('#canvas').focus();
    await admin.waitFrames(2);
    // The key, in the accessible form's Connection section (the batch sends with it).
    await tabTo(admin, accessibleForm(admin));
    await tabTo(admin, credentialControl(admin, 'athena.createInvite', 'apiKey'));
    await page.keyboard.type(shared.creds.athena.globalApiKey);

    await tabTo(admin, batch.getByRole('textbox', { name: 'Table of people' }));
    await page.keyboard.type('Email,Invite to,How\nkey1@example.com,organization,direct\nkey2@example,organization,direct\nkey3@example.com,organization,email\n');
    await tabTo(admin, batch.getByRole('button', { name: 'Read the table' }));
    await page.keyboard.press('Enter');
    await batch.getByText(/^3 rows from the text typed here: 2 to send, 1 to fix, 0 left out\.$/).waitFor();
    await batch.getByRole('listitem').filter({ hasText: /^Row 3: Email: / }).waitFor();

    await tabTo(admin, batch.getByRole('button', { name: 'Send 2 rows' }));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^Sent 2 of 2 · 2 succeeded/.test(document.getElementById('a11y-batch-live').textContent),
                               null, { timeout: 60_000 });
    assert.match(await page.textContent('#a11y-batch-live'), /Done: every row that could go has an outcome\./);

    await tabTo(admin, batch.getByRole('button', { name: 'Download results' }));
    const results = await downloadResults(admin, () => page.keyboard.press('Enter'));
    assert.deepEqual(results.map((r) => [r.email, r.state]),
                     [['key1@example.com', 'succeeded'], ['key2@example', 'invalid'], ['key3@example.com', 'succeeded']]);
    const sandbox = await shared.server.state();
    assert.deepEqual(sandbox.received.map((r) => [r.invite.email, r.count]).sort(), [['key1@example.com', 1], ['key3@example.com', 1]]);
    assert.deepEqual(sandbox.outbox.map((m) => m.to), ['key3@example.com']);
  });
});
