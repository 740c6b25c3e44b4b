// The JS API's own behaviour beyond the vectors: endpoints(), validateMany's two input forms,
// the result shapes, header and body forms of readResponse, and CommonJS loading.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { inspect } from 'node:util';
import { createInviteKit, packageDir } from './helpers.mjs';

const kit = await createInviteKit();
const id = 'athena.createInvite';
const good = { type: 'organization', invite_method: 'email', email: 'user@example.com' };
const bad = { type: 'website', invite_method: 'email', email: 'user@example.com' };

test('endpoints(): every endpoint with the keys the issue promises, as fresh copies', () => {
  const list = kit.endpoints();
  assert.deepEqual(list.map((e) => e.id), ['athena.bulkInvite', 'athena.createInvite', 'usersOrganizations.createInvite']);
  for (const e of list) {
    for (const key of ['id', 'title', 'method', 'path', 'defaultBaseUrl', 'auth', 'schema', 'fields']) {
      assert.ok(key in e, `${e.id}.${key}`);
    }
  }
  list[0].schema = null;
  assert.notEqual(kit.endpoints()[0].schema, null);
});

test('validate(): value is the body with defaults, also after JSON round trips', () => {
  const r = kit.validate(id, good);
  assert.deepEqual(r.value, { ...good, role: 'viewer' });
  assert.deepEqual(JSON.parse(JSON.stringify(r)), { valid: true, errors: [], warnings: [], value: { ...good, role: 'viewer' } });
  const same = kit.validate(id, { ...good, role: 'admin' });
  assert.deepEqual(same.value, { ...good, role: 'admin' });
  const pretty = kit.validate(id, JSON.stringify({ ...good, role: 'admin' }, null, 2));
  assert.deepEqual(pretty.value, same.value);
  assert.equal(kit.validate(id, '{').value, null);
});

test('validate(): a result shows what it says, and nothing of how it is kept', () => {
  // The fast path's defaults are kept apart from the body text until `value` is read.
  const r = kit.validate(id, JSON.stringify(good));
  assert.deepEqual(Object.keys(r), ['valid', 'errors', 'warnings']);
  assert.deepEqual(Object.keys({ ...r }), ['valid', 'errors', 'warnings'], 'a spread has no value: it is a getter');
  const shown = inspect(r, { depth: 4 });
  assert.match(shown, /^Validation \{/);
  assert.match(shown, /value: \{[^}]*role: 'viewer'/);
  assert.doesNotMatch(shown, /valueText|defaults|"type"/, 'no private state, no raw body text');
  assert.match(inspect([[kit.validate(id, bad)]]), /errors: \[Array\]/, 'nested, it keeps the depth inspect gives');
  assert.equal(inspect({ r }, { depth: 0 }), '{ r: [Validation] }');
  // Through a Proxy (as Vue's reactive() and MobX wrap state), value still reads.
  assert.deepEqual(new Proxy(kit.validate(id, JSON.stringify(good)), {}).value, { ...good, role: 'viewer' });
});

test('validateMany(): an array of objects and JSON texts, one item per body', () => {
  const cyclic = {};
  cyclic.self = cyclic;
  const bodies = [good, JSON.stringify(bad), bad, '{', cyclic, good];
  const r = kit.validateMany(id, bodies);
  assert.equal(r.items.length, bodies.length);
  assert.equal(r.validCount, 2);
  assert.equal(r.invalidCount, 4);
  r.items.forEach((item, i) => {
    assert.equal(item.index, i);
    const one = kit.validate(id, bodies[i]);
    assert.equal(item.valid, one.valid);
    assert.deepEqual(item.errors, one.errors);
    assert.deepEqual(item.warnings, one.warnings);
  });
});

test('validateMany(): NDJSON text, CRLF and blank lines skipped', () => {
  const text = [JSON.stringify(good), '', JSON.stringify(bad) + '\r', '   ', '{"x":', JSON.stringify(good), ''].join('\n');
  const r = kit.validateMany(id, text);
  assert.equal(r.items.length, 4);
  assert.deepEqual(r.items.map((i) => i.valid), [true, false, false, true]);
  assert.deepEqual(r.items.map((i) => i.index), [0, 1, 2, 3]);
  assert.deepEqual(r.items[1].errors, kit.validate(id, bad).errors);
  assert.equal(r.items[2].errors[0].code, 'json');
  assert.deepEqual([r.validCount, r.invalidCount], [2, 2]);
});

test('validateMany(): empty input, and warnings without errors', () => {
  assert.deepEqual(kit.validateMany(id, []), { validCount: 0, invalidCount: 0, items: [] });
  assert.deepEqual(kit.validateMany(id, ''), { validCount: 0, invalidCount: 0, items: [] });
  const warned = { ...good, website_id: '123e4567-e89b-12d3-a456-426614174000' };
  const r = kit.validateMany(id, [warned]);
  assert.equal(r.items[0].valid, true);
  assert.deepEqual(r.items[0].warnings, kit.validate(id, warned).warnings);
  assert.ok(r.items[0].warnings.length > 0);
});

test('validateMany(): 10 000 bodies in one call', () => {
  const bodies = Array.from({ length: 10000 }, (_, i) => (i % 100 === 7 ? bad : good));
  const r = kit.validateMany(id, bodies);
  assert.equal(r.validCount, 9900);
  assert.equal(r.invalidCount, 100);
  assert.equal(r.items[7].valid, false);
});

test('buildRequest(): a request fetch() can send', () => {
  const r = kit.buildRequest(id, good, { baseUrl: 'https://api.example.com', credentials: { apiKey: 'k1' } });
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  assert.equal(r.request.method, 'POST');
  assert.equal(r.request.url, 'https://api.example.com/api/v1/invites');
  assert.deepEqual(new Headers(r.request.headers).get('x-api-key'), 'k1');
  assert.deepEqual(JSON.parse(r.request.body), { ...good, role: 'viewer' });
  const missing = kit.buildRequest(id, good);
  assert.equal(missing.ok, false);
  assert.ok(missing.errors.some((e) => e.code === 'credential'));
  assert.equal(missing.request, null);
});

test('readResponse(): headers as pairs, an object or a Headers; body as text, bytes or a value', () => {
  const body = { success: true, message: 'User added to organization' };
  const want = kit.readResponse(id, { status: 200, headers: [['content-type', 'application/json']], body: JSON.stringify(body) });
  assert.equal(want.outcome, 'success');
  const forms = [
    { headers: { 'content-type': 'application/json' }, body },
    { headers: new Headers({ 'content-type': 'application/json' }), body: new TextEncoder().encode(JSON.stringify(body)) },
    { headers: new Map([['content-type', 'application/json']]), body: new TextEncoder().encode(JSON.stringify(body)).buffer },
  ];
  for (const form of forms) assert.deepEqual(kit.readResponse(id, { status: 200, ...form }), want);
});

test('readResponse(): Retry-After on 429', () => {
  const r = kit.readResponse(id, { status: 429, headers: { 'Retry-After': '30' }, body: '' });
  assert.equal(r.outcome, 'failure');
  assert.equal(r.retryAfter, 30);
});

test('nextStep(): an answer cut off after a success status is unknown; after a refusal it goes as usual', () => {
  const cut = (status) => kit.nextStep('athena.createInvite', { status, headers: [], body: '', cutOff: true }, 1);
  assert.equal(cut(201).state, 'unknown');
  assert.match(cut(201).reason, /status 201/);
  assert.equal(cut(503).state, 'waiting');
  assert.equal(cut(400).state, 'failed');
  // Without cutOff, an empty 201 is read as the server's answer.
  assert.notEqual(kit.nextStep('athena.createInvite', { status: 201, headers: [], body: '' }, 1).state, 'unknown');
});

test('nextStep(): a month-long Retry-After waits the longest wait, never a negative one', () => {
  const step = kit.nextStep('athena.createInvite', { status: 429, headers: [['Retry-After', '2592000']], body: '' }, 1);
  assert.deepEqual([step.state, step.delayMs, step.pauseBatch], ['waiting', 60000, true]);
});

test('CommonJS require() gives the same API', () => {
  const script = `
    const { createInviteKit } = require(${JSON.stringify(join(packageDir, 'index.cjs'))});
    createInviteKit().then((kit) => {
      const r = kit.validate('athena.createInvite', ${JSON.stringify(JSON.stringify(bad))});
      process.stdout.write(JSON.stringify(r));
    });`;
  const out = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(JSON.parse(out.stdout), kit.validate(id, bad).toJSON());
});

test('no process-wide handlers are installed in the host process', async () => {
  const before = [process.listenerCount('uncaughtException'), process.listenerCount('unhandledRejection')];
  await createInviteKit();
  assert.deepEqual([process.listenerCount('uncaughtException'), process.listenerCount('unhandledRejection')], before);
});
