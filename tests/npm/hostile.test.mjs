// Nothing a caller passes may crash or poison the module: every hostile input below gets a clear
// answer (an error in the result, or a TypeError for an argument of the wrong type), and the
// same kit still validates correctly afterwards.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createInviteKit } from './helpers.mjs';

const kit = await createInviteKit();
const id = 'athena.createInvite';
const good = { type: 'organization', invite_method: 'email', email: 'user@example.com' };

function stillWorks() {
  const r = kit.validate(id, good);
  assert.equal(r.valid, true);
  assert.deepEqual(r.value, { ...good, role: 'viewer' });
  const bad = kit.validate(id, { ...good, role: 'owner' });
  assert.deepEqual(bad.errors.map((e) => [e.path, e.code]), [['/role', 'enum']]);
}

function onlyError(r, code) {
  assert.equal(r.valid, false);
  assert.equal(r.errors.length, 1, JSON.stringify(r.errors));
  assert.equal(r.errors[0].code, code);
  assert.equal(r.errors[0].path, '');
  assert.match(r.errors[0].message, /\w+ \w+/);
}

test('a cyclic object is a json error', () => {
  const body = { ...good };
  body.self = body;
  onlyError(kit.validate(id, body), 'json');
  assert.match(kit.validate(id, body).errors[0].message, /cycle/);
  stillWorks();
});

test('a BigInt is a json error', () => {
  onlyError(kit.validate(id, { ...good, n: 10n }), 'json');
  assert.match(kit.validate(id, { ...good, n: 10n }).errors[0].message, /BigInt/);
  onlyError(kit.validate(id, 10n), 'json');
  stillWorks();
});

test('undefined, functions and symbols as the body are json errors', () => {
  for (const body of [undefined, () => {}, Symbol('x')]) onlyError(kit.validate(id, body), 'json');
  assert.equal(kit.validate(id).valid, false);
  stillWorks();
});

test('undefined fields are dropped, as JSON.stringify does', () => {
  const r = kit.validate(id, { ...good, first_name: undefined, last_name: () => 1 });
  assert.equal(r.valid, true);
  assert.deepEqual(r.toJSON(), kit.validate(id, good).toJSON());
});

test('a throwing getter or toJSON is a json error', () => {
  const body = { ...good, get email() { throw new Error('boom'); } };
  onlyError(kit.validate(id, body), 'json');
  onlyError(kit.validate(id, { toJSON() { return undefined; } }), 'json');
  stillWorks();
});

test('numbers, booleans, null and arrays are JSON values the schema rejects', () => {
  for (const body of [42, true, null, [good]]) {
    const r = kit.validate(id, body);
    assert.equal(r.valid, false);
    assert.deepEqual(r.toJSON(), kit.validate(id, JSON.stringify(body)).toJSON());
  }
  stillWorks();
});

test('deep nesting is a limit error, as text and as an object', () => {
  onlyError(kit.validate(id, '['.repeat(100000)), 'limit');
  onlyError(kit.validate(id, '{"a":'.repeat(65) + '1' + '}'.repeat(65)), 'limit');
  let deep = {};
  for (let i = 0; i < 200000; i++) deep = { a: deep };
  onlyError(kit.validate(id, deep), 'limit');
  let nested = 1;
  for (let i = 0; i < 65; i++) nested = [nested];
  assert.deepEqual(kit.validate(id, nested).toJSON(), kit.validate(id, JSON.stringify(nested)).toJSON());
  stillWorks();
});

test('bodies over 1 MiB are limit errors, however large', () => {
  const big = JSON.stringify({ ...good, first_name: 'x'.repeat(1 << 20) });
  onlyError(kit.validate(id, big), 'limit');
  onlyError(kit.validate(id, { ...good, first_name: 'é'.repeat(600000) }), 'limit');
  onlyError(kit.validate(id, ' '.repeat(64 << 20)), 'limit');
  const many = kit.validateMany(id, [good, big, good]);
  assert.deepEqual(many.items.map((i) => i.valid), [true, false, true]);
  assert.equal(many.items[1].errors[0].code, 'limit');
  stillWorks();
});

test('just under the limit still validates', () => {
  const body = { ...good, first_name: 'x'.repeat((1 << 20) - 200) };
  const r = kit.validate(id, body);
  assert.equal(r.valid, true);
  assert.equal(r.value.first_name.length, (1 << 20) - 200);
  stillWorks();
});

test('lone surrogates in JSON text are a json error, not silently replaced', () => {
  onlyError(kit.validate(id, `{"type":"organization","invite_method":"email","email":"\ud800@x.com"}`), 'json');
  const escaped = kit.validate(id, { ...good, first_name: '\ud800' });  // JSON.stringify escapes it
  assert.equal(typeof escaped.valid, 'boolean');
  stillWorks();
});

test('NUL bytes and control characters', () => {
  onlyError(kit.validate(id, '{"type":"organization\u0000"}'), 'json');
  const r = kit.validate(id, { ...good, first_name: 'a\u0000b\u0001' });
  assert.equal(r.valid, true);
  assert.equal(r.value.first_name, 'a\u0000b\u0001');
  stillWorks();
});

test('a thousand mangled bodies', () => {
  const text = JSON.stringify({ ...good, website_id: '123e4567-e89b-12d3-a456-426614174000' });
  let seed = 1;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const junk = ['{', '}', '[', ']', '"', '\\', ':', ',', '\u0000', '\ud800', '\u00e9', '1e999', '-', 'null', ' ', '\n'];
  for (let n = 0; n < 1000; n++) {
    const chars = [...text];
    for (let k = 0; k < 1 + Math.floor(random() * 4); k++) {
      const at = Math.floor(random() * chars.length);
      if (random() < 0.5) chars.splice(at, 1);
      else chars.splice(at, 0, junk[Math.floor(random() * junk.length)]);
    }
    const r = kit.validate(id, chars.join(''));
    assert.equal(typeof r.valid, 'boolean');
    for (const e of r.errors) assert.equal(typeof e.code, 'string');
  }
  stillWorks();
});

test('arguments of the wrong type throw a TypeError and change nothing', () => {
  assert.throws(() => kit.validate(42, good), TypeError);
  assert.throws(() => kit.validate(null, good), TypeError);
  assert.throws(() => kit.validateMany(id, 42), TypeError);
  assert.throws(() => kit.validateMany(id, { length: 2 }), TypeError);
  assert.throws(() => kit.buildRequest(id, good, 'https://x'), TypeError);
  assert.throws(() => kit.buildRequest(id, good, { baseUrl: 42 }), TypeError);
  assert.throws(() => kit.buildRequest(id, good, { credentials: { apiKey: 42 } }), TypeError);
  assert.throws(() => kit.readResponse(id, null), TypeError);
  assert.throws(() => kit.readResponse(id, { status: '200' }), TypeError);
  assert.throws(() => kit.readResponse(id, { status: 200.5 }), TypeError);
  assert.throws(() => kit.readResponse(id, { status: 200, headers: [['a']] }), TypeError);
  assert.throws(() => kit.readResponse(id, { status: 200, headers: 7 }), TypeError);
  const cyclic = {};
  cyclic.c = cyclic;
  assert.throws(() => kit.readResponse(id, { status: 200, body: cyclic }), TypeError);
  assert.throws(() => kit.standardSchema('nope'), TypeError);
  stillWorks();
});

test('an unknown endpoint is an endpoint error everywhere', () => {
  assert.equal(kit.validate('nope', good).errors[0].code, 'endpoint');
  assert.equal(kit.buildRequest('nope', good).errors[0].code, 'endpoint');
  assert.equal(kit.validateMany('nope', [good]).items[0].errors[0].code, 'endpoint');
  assert.equal(kit.readResponse('', { status: 200, body: '{}' }).outcome, 'failure');
  stillWorks();
});

test('huge responses and header lists', () => {
  const r = kit.readResponse(id, {
    status: 200,
    headers: Array.from({ length: 10000 }, (_, i) => [`x-h${i}`, 'v'.repeat(100)]),
    body: '{"success":true,"message":"' + 'm'.repeat(2 << 20) + '"}',
  });
  assert.equal(typeof r.outcome, 'string');
  const garbage = kit.readResponse(id, { status: 200, body: new Uint8Array([0xff, 0xfe, 0x00, 0x7b]) });
  assert.equal(typeof garbage.outcome, 'string');
  stillWorks();
});

test('many kits are independent', async () => {
  const other = await createInviteKit();
  const body = { ...good };
  body.self = body;
  other.validate(id, body);
  assert.equal(other.validate(id, good).valid, true);
  stillWorks();
});
