// The CLI's send (wasm/bin/invitekit.cjs, bin/send.cjs) against serve.py's sandbox: a table of
// people sent through a rate limit and random 503s, killed midway with Ctrl-C and run again with
// the same results file — every valid person invited exactly once, the invalid ones never.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createInviteKit, packageDir } from './helpers.mjs';
import { startSandbox } from './sandbox.mjs';

const cli = join(packageDir, 'bin', 'invitekit.cjs');
const dir = mkdtempSync(join(tmpdir(), 'invitekit-send-'));
const kit = await createInviteKit();

// 30 people, three of them with a mistake (rows 6, 12 and 20 of the file).
const bad = new Map([[4, 'not-an-email'], [10, 'person10@example'], [18, '']]);
function teamCsv(count = 30, prefix = 'person') {
  const lines = ['E-mail,First Name,Last Name,Invite to,How'];
  for (let i = 0; i < count; i++) lines.push(`${bad.has(i) ? bad.get(i) : `${prefix}${i}@example.com`},First${i},Last${i},organization,direct`);
  return lines.join('\r\n') + '\r\n';
}

let sandbox;
let apiKey;
before(async () => {
  // A tenth of the calls fail with 503, but never one call 4 times running: the CLI's 4 tries
  // then always get a row through, so the counts below cannot be off by chance.
  sandbox = await startSandbox(['--rate-limit', '5', '--fail-rate', '0.1', '--fail-streak', '3']);
  apiKey = (await sandbox.credentials()).athena.globalApiKey;
});
after(() => sandbox.stop());

const sendArgs = (file, results, extra = []) =>
  ['send', 'athena.createInvite', file, '--base-url', sandbox.url, '--results', results, ...extra];

// How many times the sandbox received each email's invite.
async function receivedByEmail() {
  const counts = new Map();
  for (const r of (await sandbox.state()).received) {
    const email = r.invite.email;
    counts.set(email, (counts.get(email) ?? 0) + r.count);
  }
  return counts;
}

function runCli(args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (c) => { stdout += c; });
    child.stderr.on('data', (c) => { stderr += c; });
    child.on('exit', (status, signal) => resolve({ status, signal, stdout, stderr, child }));
  });
}

test('a table is sent through a rate limit and 503s; a run stopped with Ctrl-C and run again invites each person once', async () => {
  const file = join(dir, 'team.csv');
  const results = join(dir, 'results.csv');
  writeFileSync(file, teamCsv());
  const env = { INVITEKIT_API_KEY: apiKey };

  // First run: stopped with SIGINT as soon as a few rows are recorded.
  const child = spawn(process.execPath, [cli, ...sendArgs(file, results)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (c) => { stdout += c; });
  const first = await new Promise((resolve) => {
    const timer = setInterval(() => {
      const text = existsSync(results) ? readFileSync(results, 'utf8') : '';
      if ((text.match(/,succeeded,/g) ?? []).length >= 5) {
        clearInterval(timer);
        child.kill('SIGINT');
      }
    }, 50);
    child.on('exit', (status) => { clearInterval(timer); resolve(status); });
  });
  assert.equal(first, 1, `a stopped run is not a full success\n${stdout}`);
  const afterFirst = await receivedByEmail();
  assert.ok(afterFirst.size >= 5 && afterFirst.size < 27, `sent ${afterFirst.size} before stopping`);

  // Second run with the same results file: the rest, and nothing twice.
  const second = await runCli(sendArgs(file, results), env);
  assert.equal(second.status, 1, 'three rows are invalid, so not everything succeeded');
  assert.match(second.stderr, /already done, skipped/);
  const received = await receivedByEmail();
  const expected = Array.from({ length: 30 }, (_, i) => i).filter((i) => !bad.has(i)).map((i) => `person${i}@example.com`);
  assert.deepEqual([...received.keys()].sort(), expected.sort());
  for (const [email, count] of received) assert.equal(count, 1, `${email} was received ${count} times`);

  // The results file: one line per row, its latest state.
  const table = kit.readTable(readFileSync(results, 'utf8'));
  assert.deepEqual(table.errors, []);
  const state = table.header.indexOf('state');
  const rowCol = table.header.indexOf('row');
  const states = new Map(table.rows.map((r) => [r.cells[rowCol], r.cells[state]]));
  assert.equal(states.size, 30);
  for (const [row, s] of states) assert.equal(s, [6, 12, 20].includes(Number(row)) ? 'invalid' : 'succeeded', `row ${row}`);
  assert.doesNotMatch(readFileSync(results, 'utf8'), new RegExp(apiKey), 'the key is never written');

  // A third run has nothing left to send.
  const third = await runCli(sendArgs(file, results), env);
  assert.match(third.stdout, /0 succeeded, .*27 done before; 30 in all/);
  assert.equal((await receivedByEmail()).size, 27);
});

test('a row in flight when a run died is "unknown" and not sent again unless --resend-unknown', async () => {
  const file = join(dir, 'one.csv');
  const results = join(dir, 'one-results.csv');
  writeFileSync(file, 'Email,Invite to,How\r\nlost@example.com,organization,email\r\n');
  const invite = JSON.stringify({ type: 'organization', invite_method: 'email', email: 'lost@example.com', role: 'viewer' });
  // A journal as a run killed during the send leaves it: "sending", then nothing.
  writeFileSync(results, kit.tableLine(['row', 'email', 'state', 'status', 'message', 'user_id', 'invite_id', 'attempts', 'invite']) +
    kit.tableLine(['2', 'lost@example.com', 'sending', '', '', '', '', '1', invite]));
  const env = { INVITEKIT_API_KEY: apiKey };
  const held = await runCli(sendArgs(file, results), env);
  assert.equal(held.status, 1);
  assert.match(held.stderr, /may have arrived: not sent again/);
  assert.equal((await receivedByEmail()).get('lost@example.com'), undefined);
  assert.match(readFileSync(results, 'utf8'), /,unknown,/);

  const resent = await runCli(sendArgs(file, results, ['--resend-unknown']), env);
  assert.equal(resent.status, 0, resent.stderr);
  assert.equal((await receivedByEmail()).get('lost@example.com'), 1);
});

test('a wrong key stops the batch at the first 401', async () => {
  const file = join(dir, 'wrong-key.csv');
  writeFileSync(file, teamCsv(6, 'wrongkey'));
  const r = await runCli(sendArgs(file, join(dir, 'wrong-key-results.csv'), ['--concurrency', '1', '--api-key', 'sbx_global_nope']));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /stopped: The API key or token was not accepted/);
  assert.match(r.stderr, /row\(s\) not sent/);
});

test('no key: nothing is sent, and every valid row is counted as not sent', () => {
  const file = join(dir, 'no-key.csv');
  writeFileSync(file, teamCsv(3, 'nokey'));
  const r = spawnSync(process.execPath, [cli, 'send', 'athena.createInvite', file, '--base-url', 'http://127.0.0.1:9'],
                      { encoding: 'utf8', env: { ...process.env, INVITEKIT_API_KEY: '' } });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /stopped: Enter your API key\. \(3 row\(s\) not sent\)/);
});

test('usage: a bad option value is exit 2', () => {
  const r = spawnSync(process.execPath, [cli, 'send', 'athena.createInvite', '-', '--concurrency', '0'], { input: '{}', encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--concurrency takes a whole number/);
});
