// The shared vectors (tests/vectors/*.json, also run by the native GoogleTest suite) against the
// built npm package: identical paths, codes and results. Every body row runs twice — as the JS
// value and as its JSON text — and both must give the same answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, createInviteKit, vectors } from './helpers.mjs';

const kit = await createInviteKit();

// A row's body for the API: bodyText as is; body as the JS value, except a string, which the
// API would read as JSON text — it goes as its JSON instead.
const bodyOf = (v) => ('bodyText' in v ? v.bodyText : typeof v.body === 'string' ? JSON.stringify(v.body) : v.body);

for (const v of vectors('validate')) {
  test(`validate: ${v.name}`, () => {
    const r = kit.validate(v.endpoint, bodyOf(v));
    assert.equal(r.valid, v.valid);
    assert.deepEqual(brief(r.errors, v.errors), v.errors);
    assert.deepEqual(brief(r.warnings, v.warnings), v.warnings ?? []);
    if ('value' in v) assert.equal(JSON.stringify(r.value), JSON.stringify(v.value));
    if (!('bodyText' in v)) {
      const asText = kit.validate(v.endpoint, JSON.stringify(v.body));
      assert.deepEqual(asText.toJSON(), r.toJSON(), 'the JSON text gives the same result as the value');
    }
  });
}

for (const v of vectors('build_request')) {
  test(`buildRequest: ${v.name}`, () => {
    const r = kit.buildRequest(v.endpoint, bodyOf(v), v.options);
    assert.equal(r.ok, v.ok);
    assert.deepEqual(brief(r.errors, v.errors), v.errors ?? []);
    if ('warnings' in v) assert.deepEqual(brief(r.warnings, v.warnings), v.warnings);
    if (v.ok) {
      assert.deepEqual(r.request, v.request);
    } else {
      assert.equal(r.request, null);
    }
  });
}

// An absent optional expectation means none/empty (see the vectors' commit message); the JS
// API gives null where the core has an empty string or no value.
const orNull = (x) => (x === undefined || x === '' ? null : x);

for (const v of vectors('read_response')) {
  test(`readResponse: ${v.name}`, () => {
    const { status, headers } = v.response;
    const body = 'bodyText' in v.response ? v.response.bodyText : v.response.body;
    const r = kit.readResponse(v.endpoint, { status, headers, body, request: v.response.request });
    assert.equal(r.outcome, v.outcome);
    assert.equal(r.status, status);
    if ('message' in v) assert.equal(r.message, v.message);
    assert.equal(r.inviteId, orNull(v.inviteId));
    assert.equal(r.userId, orNull(v.userId));
    assert.equal(r.retryAfter, v.retryAfter ?? null);
    assert.equal(r.results.length, (v.results ?? []).length);
    (v.results ?? []).forEach((want, i) => {
      const got = r.results[i];
      assert.equal(got.targetId, want.targetId);
      assert.equal(got.targetKind, want.targetKind);
      assert.equal(got.success, want.success);
      for (const key of ['message', 'error', 'userId']) {
        if (key in want) assert.equal(got[key], orNull(want[key]), `results[${i}].${key}`);
      }
    });
    assert.deepEqual(brief(r.warnings, v.warnings), v.warnings ?? []);
  });
}

// validateMany decodes results its own way (one call, fast-path rules by number): every
// endpoint's bodies, in one batch as objects and one as NDJSON, give each body validate()'s
// errors and warnings, whichever of the core's paths decided them.
for (const endpoint of new Set(vectors('validate').map((v) => v.endpoint))) {
  test(`validateMany agrees with validate: ${endpoint}`, () => {
    const rows = vectors('validate').filter((v) => v.endpoint === endpoint && !('bodyText' in v));
    const bodies = rows.map(bodyOf);
    const expected = bodies.map((b) => kit.validate(endpoint, b));
    const lines = bodies.map((b) => (typeof b === 'string' ? b : JSON.stringify(b)));
    for (const batch of [bodies, lines.join('\n')]) {
      const r = kit.validateMany(endpoint, batch);
      assert.equal(r.items.length, bodies.length);
      assert.equal(r.validCount, expected.filter((e) => e.valid).length);
      r.items.forEach((item, i) => {
        assert.equal(item.valid, expected[i].valid, JSON.stringify(bodies[i]));
        assert.deepEqual(item.errors, expected[i].errors, JSON.stringify(bodies[i]));
        assert.deepEqual(item.warnings, expected[i].warnings, JSON.stringify(bodies[i]));
      });
    }
  });
}

// Tables of people: the same rows, cells, errors and bodies as the native suite.
for (const v of vectors('read_table')) {
  test(`readTable: ${v.name}`, () => {
    const t = kit.readTable(v.text);
    assert.deepEqual(brief(t.errors), v.errors);
    if (!('header' in v)) return;
    assert.equal(t.separator, v.separator);
    assert.deepEqual(t.header, v.header);
    assert.deepEqual(t.rows, v.rows);
  });
}

for (const v of vectors('invite_table')) {
  test(`readInviteTable: ${v.name}`, () => {
    const t = kit.readInviteTable(v.endpoint, v.text, v.options);
    assert.deepEqual(brief(t.errors), v.errors);
    assert.deepEqual(brief(t.warnings), v.warnings);
    assert.deepEqual(t.columns.map((c) => c.field), v.columns);
    assert.equal(t.rows.length, v.rows.length);
    v.rows.forEach((want, i) => {
      const got = t.rows[i];
      assert.equal(got.line, want.line);
      assert.equal(got.valid, want.valid);
      if ('body' in want) assert.equal(JSON.stringify(got.body), JSON.stringify(want.body));
      assert.deepEqual(brief(got.errors), want.errors);
      assert.deepEqual(brief(got.warnings), want.warnings);
    });
    assert.equal(t.validCount, v.rows.filter((r) => r.valid).length);
  });
}
