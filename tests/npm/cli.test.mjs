// The CLI (wasm/bin/invitekit.cjs): exit codes 0/1/2, "path: message" lines, redaction.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageDir } from './helpers.mjs';

const cli = join(packageDir, 'bin', 'invitekit.cjs');
const run = (args, input, env = {}) =>
  spawnSync(process.execPath, [cli, ...args], { input: input ?? '', encoding: 'utf8', env: { ...process.env, ...env } });

const good = JSON.stringify({ type: 'organization', invite_method: 'email', email: 'user@example.com' });
const bad = JSON.stringify({ type: 'website', invite_method: 'email', email: 'user@example.com' });
const dir = mkdtempSync(join(tmpdir(), 'invitekit-cli-'));
const goodFile = join(dir, 'good.json');
writeFileSync(goodFile, good);

test('validate: a valid body exits 0', () => {
  const r = run(['validate', 'athena.createInvite', goodFile]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'valid\n');
});

test('validate: an invalid body from stdin exits 1 with "path: message" lines', () => {
  const r = run(['validate', 'athena.createInvite', '-'], bad);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^\/website_id: .+website ID.+\n$/);
});

test('validate: malformed JSON is an invalid body (exit 1), reported at (body)', () => {
  const r = run(['validate', 'athena.createInvite'], '{"type":');
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^\(body\): .*JSON/);
});

test('unknown endpoint: exit 2 and the list of ids', () => {
  const r = run(['validate', 'athena.nope', goodFile]);
  assert.equal(r.status, 2);
  for (const id of ['athena.createInvite', 'athena.bulkInvite', 'usersOrganizations.createInvite']) {
    assert.match(r.stderr, new RegExp(id.replace('.', '\\.')));
  }
});

test('usage errors and unreadable files exit 2', () => {
  assert.equal(run([]).status, 2);
  assert.equal(run(['frobnicate']).status, 2);
  assert.equal(run(['validate', 'athena.createInvite', '--bogus']).status, 2);
  assert.equal(run(['request', 'athena.createInvite', goodFile, '--api-key']).status, 2);
  const missing = run(['validate', 'athena.createInvite', join(dir, 'missing.json')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read/);
});

test('--help exits 0 with the usage', () => {
  const r = run(['--help']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /invitekit validate <endpoint>/);
  assert.match(r.stdout, /invitekit request <endpoint>/);
});

test('request: a curl command with the API key redacted', () => {
  const r = run(['request', 'athena.createInvite', goodFile, '--base-url', 'https://sandbox.example.com', '--api-key', 'ak_secret_123']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^curl -X POST 'https:\/\/sandbox\.example\.com\/api\/v1\/invites'/);
  assert.match(r.stdout, /-H 'x-api-key: <redacted>'/);
  assert.match(r.stdout, /--data-raw '\{"type":"organization".*"role":"viewer"\}'/);
  assert.doesNotMatch(r.stdout + r.stderr, /ak_secret_123/);
});

test('request: --show-secrets prints them; bearer and session tokens are redacted otherwise', () => {
  const body = JSON.stringify({
    email: 'user@example.com', firstName: 'Jo', lastName: 'Doe', permissions: { group: 0 },
  });
  const hidden = run(['request', 'usersOrganizations.createInvite', '-', '--bearer=tok_b', '--session', 'tok_s'], body);
  assert.equal(hidden.status, 0, hidden.stdout + hidden.stderr);
  assert.match(hidden.stdout, /Bearer <redacted>/);
  assert.doesNotMatch(hidden.stdout, /tok_b|tok_s/);
  const shown = run(['request', 'usersOrganizations.createInvite', '-', '--bearer=tok_b', '--session', 'tok_s', '--show-secrets'], body);
  assert.equal(shown.status, 0);
  assert.match(shown.stdout, /Bearer tok_b/);
  assert.match(shown.stdout, /tok_s/);
});

test('request: credentials from the environment; a missing one is an error (exit 1)', () => {
  const fromEnv = run(['request', 'athena.createInvite', goodFile], '', { INVITEKIT_API_KEY: 'ak_env_9' });
  assert.equal(fromEnv.status, 0, fromEnv.stdout + fromEnv.stderr);
  assert.doesNotMatch(fromEnv.stdout, /ak_env_9/);
  const none = run(['request', 'athena.createInvite', goodFile], '', { INVITEKIT_API_KEY: '' });
  assert.equal(none.status, 1);
  assert.match(none.stdout, /credentials/);
});

test('request: an invalid body exits 1 and prints no command', () => {
  const r = run(['request', 'athena.createInvite', '-', '--api-key', 'k'], bad);
  assert.equal(r.status, 1);
  assert.doesNotMatch(r.stdout, /curl/);
});
