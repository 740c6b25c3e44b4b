// kit.standardSchema(id): a Standard Schema v1 validator (https://standardschema.dev).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createInviteKit } from './helpers.mjs';

const kit = await createInviteKit();

test('the ~standard property', () => {
  for (const { id } of kit.endpoints()) {
    const s = kit.standardSchema(id)['~standard'];
    assert.equal(s.version, 1);
    assert.equal(s.vendor, 'invitekit');
    assert.equal(typeof s.validate, 'function');
  }
});

test('a valid value gives { value } with defaults filled in', () => {
  const s = kit.standardSchema('athena.createInvite')['~standard'];
  const r = s.validate({ type: 'organization', invite_method: 'email', email: 'user@example.com' });
  assert.deepEqual(r, { value: { type: 'organization', invite_method: 'email', email: 'user@example.com', role: 'viewer' } });
  assert.equal(r.issues, undefined);
});

test('issues carry the message and the path as keys, with numbers for array indexes', () => {
  const s = kit.standardSchema('athena.bulkInvite')['~standard'];
  const value = { invite_method: 'email', email: 'user@example.com', website_ids: ['123e4567-e89b-12d3-a456-426614174000', 'nope'] };
  const r = s.validate(value);
  assert.ok(Array.isArray(r.issues) && r.issues.length > 0);
  const expected = kit.validate('athena.bulkInvite', value).errors;
  assert.deepEqual(r.issues.map((i) => i.message), expected.map((e) => e.message));
  assert.deepEqual(r.issues.find((i) => i.path.length === 2).path, ['website_ids', 1]);
});

test('a missing property is reported under its own key', () => {
  const s = kit.standardSchema('athena.createInvite')['~standard'];
  const r = s.validate({ type: 'website', invite_method: 'email', email: 'user@example.com' });
  assert.deepEqual(r.issues.map((i) => i.path), [['website_id']]);
});

test('non-object values are values, not JSON text', () => {
  const s = kit.standardSchema('athena.createInvite')['~standard'];
  const asString = s.validate('{"type":"organization","invite_method":"email","email":"user@example.com"}');
  assert.ok(asString.issues, 'a string is a JSON string, which is not an invite');
  for (const v of [undefined, null, 42, [], () => 1]) {
    const r = s.validate(v);
    assert.ok(r.issues.length > 0);
    for (const i of r.issues) {
      assert.equal(typeof i.message, 'string');
      assert.ok(Array.isArray(i.path));
    }
  }
  const cyclic = {};
  cyclic.self = cyclic;
  assert.match(s.validate(cyclic).issues[0].message, /cycle/);
});

test('keys with "/" and "~" come back unescaped', () => {
  const s = kit.standardSchema('athena.createInvite')['~standard'];
  const r = s.validate({ type: 'organization', invite_method: 'email', email: 'user@example.com', 'a/b~c': 1 });
  assert.deepEqual(r.issues.map((i) => i.path), [['a/b~c']]);
});
