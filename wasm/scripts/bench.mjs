// make bench-npm: invitekit (WebAssembly) next to @cfworker/json-schema — the runtime validator JS
// apps use where a Content-Security-Policy forbids eval, as ours must run — and, for reference,
// ajv (which compiles to code with new Function, so it cannot run under such a policy). One Node
// process, the same documents. A benchmark, not a test: it prints, it does not judge.
//
// Every validator runs the endpoints' own schemas from kit.endpoints() — `schema` and
// `warningSchema`, both on every document, as validate() does — reporting every error
// (cfworker: shortCircuit false; ajv: allErrors), x-messages / x-code being annotations to them.
// Documents: per endpoint, a valid one (the docs' example or a minimal body) and an invalid one
// with several mistakes; each measured as JSON text (the validator parses it) and as an object.
// Rows end in ratio=<ours/cfworker> (above 1: ours is faster), then ajv's rate and ratio.
// Goals: the geometric mean of the text rows at least 1.5, no single row below 1.0.
import { Validator } from '@cfworker/json-schema';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { createRequire } from 'node:module';
import { createInviteKit } from '../index.js';

const require = createRequire(import.meta.url);
const versions = {
  cfworker: require('@cfworker/json-schema/package.json').version,
  ajv: require('ajv/package.json').version,
};
const seconds = Number(process.env.BENCH_SECONDS || 0.5);
const rounds = Number(process.env.BENCH_ROUNDS || 5);

const kit = await createInviteKit();
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

const documents = {
  'athena.createInvite': {
    valid: { type: 'organization', invite_method: 'email', email: 'user@example.com', role: 'viewer', first_name: 'John', last_name: 'Doe' },
    invalid: { type: 'website', invite_method: 'fax', email: 'not-an-email', role: 'owner', emial: 'x' },
  },
  'athena.bulkInvite': {
    valid: {
      invite_method: 'direct', email: 'user@example.com', role: 'viewer',
      website_ids: ['123e4567-e89b-12d3-a456-426614174000', '987e6543-e21b-12d3-a456-426614174000'],
      first_name: 'John', last_name: 'Doe',
    },
    invalid: {
      invite_method: 'direct', email: 'user@@example.com',
      website_ids: ['123e4567-e89b-12d3-a456-426614174000', 'nope'], group_ids: [],
    },
  },
  'usersOrganizations.createInvite': {
    valid: { firstName: 'John', lastName: 'Doe', email: 'test@mail.com', permissions: { group: 0, read: [1, 2] } },
    invalid: { firstName: 'John', email: '.test..x@mail.c', permissions: { group: -1, read: ['a'] } },
  },
};

const cases = [];
for (const e of kit.endpoints()) {
  const cf = [new Validator(e.schema, '7', false), ...(e.warningSchema ? [new Validator(e.warningSchema, '7', false)] : [])];
  const cfValidate = (doc) => {
    const r = cf[0].validate(doc);
    if (cf[1]) cf[1].validate(doc);
    return r.valid;
  };
  const aj = [ajv.compile(e.schema), ...(e.warningSchema ? [ajv.compile(e.warningSchema)] : [])];
  const ajvValidate = (doc) => {
    const ok = aj[0](doc);
    if (aj[1]) aj[1](doc);
    return ok;
  };
  for (const [kind, body] of Object.entries(documents[e.id])) {
    const text = JSON.stringify(body);
    const ours = kit.validate(e.id, text).valid;
    if (ours !== (kind === 'valid') || cfValidate(JSON.parse(text)) !== ours || ajvValidate(JSON.parse(text)) !== ours) {
      console.log(`note: ${e.id} ${kind}: the validators disagree on ${text}`);
    }
    cases.push({ id: e.id, kind, body, text, cfValidate, ajvValidate });
  }
}

// Runs fn() for about `seconds / rounds` of this process's CPU time and returns calls per CPU
// second: the machine is shared, and wall-clock rates move under load.
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
function measure(fn) {
  for (let i = 0; i < 500; i++) fn();
  const budget = seconds / rounds;
  let calls = 0;
  let batch = 200;
  const start = cpuNow();
  let elapsed = 0;
  while (elapsed < budget) {
    for (let i = 0; i < batch; i++) fn();
    calls += batch;
    elapsed = cpuNow() - start;
    if (elapsed < budget / 10) batch *= 2;
  }
  return calls / elapsed;
}

// The three sides are measured in alternating rounds, and each figure is a median: the rates over
// the rounds, and each ratio over the rounds' own ratios (two measurements a moment apart).
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
function compare(ours, cf, aj) {
  const o = [], c = [], a = [];
  for (let r = 0; r < rounds; r++) {
    o.push(measure(ours));
    c.push(measure(cf));
    a.push(measure(aj));
  }
  return {
    ours: median(o), cf: median(c), ajv: median(a),
    ratio: median(o.map((x, i) => x / c[i])), ajvRatio: median(o.map((x, i) => x / a[i])),
  };
}

const fmt = (n) => Math.round(n).toLocaleString('en-US').padStart(10);
function row(name, r) {
  console.log(`${name.padEnd(46)} invitekit ${fmt(r.ours)}/s   cfworker ${fmt(r.cf)}/s   ajv ${fmt(r.ajv)}/s (ours/ajv ${r.ajvRatio.toFixed(2)})   ratio=${r.ratio.toFixed(2)}`);
}

console.log(`invitekit (WebAssembly) vs @cfworker/json-schema ${versions.cfworker} (ajv ${versions.ajv} + ajv-formats for reference), node ${process.version}; ~${seconds} CPU s per side and row in ${rounds} alternating rounds; rates per CPU second (medians)`);

let sink = 0;
const textRatios = [];
const allRatios = [];
for (const input of ['text', 'object']) {
  for (const c of cases) {
    const r = input === 'text'
      ? compare(
        () => { if (kit.validate(c.id, c.text).valid) sink++; },
        () => { if (c.cfValidate(JSON.parse(c.text))) sink++; },
        () => { if (c.ajvValidate(JSON.parse(c.text))) sink++; })
      : compare(
        () => { if (kit.validate(c.id, c.body).valid) sink++; },
        () => { if (c.cfValidate(c.body)) sink++; },
        () => { if (c.ajvValidate(c.body)) sink++; });
    row(`validate ${input} ${c.id} ${c.kind}`, r);
    (input === 'text' ? textRatios : []).push(r.ratio);
    allRatios.push(r.ratio);
  }
}
const geomean = (xs) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
console.log(`geometric mean, text in: ratio=${geomean(textRatios).toFixed(2)} (goal >= 1.5); lowest row: ratio=${Math.min(...allRatios).toFixed(2)} (goal >= 1.0)`);
if (sink === 0.5) console.log(sink);  // keeps the work observable
