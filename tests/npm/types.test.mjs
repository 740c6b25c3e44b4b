// index.d.ts matches the API: tsc --noEmit (strict) on sample consumers, ESM and CommonJS, that
// import the package by name the way users do.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageDir } from './helpers.mjs';

const consumer = `
import { createInviteKit, type InviteKit, type Issue, type StandardSchemaV1 } from 'invitekit';

async function main(): Promise<void> {
  const kit: InviteKit = await createInviteKit();
  const ids: string[] = kit.endpoints().map((e) => e.id);
  const v = kit.validate(ids[0], { type: 'organization' });
  const first: Issue | undefined = v.errors[0];
  const ok: boolean = v.valid && first === undefined;
  const value: unknown = v.value;
  const many = kit.validateMany('athena.createInvite', '{}\\n{}');
  const count: number = many.validCount + many.items[0].index;
  const built = kit.buildRequest('athena.createInvite', '{}', { baseUrl: 'https://x', credentials: { apiKey: 'k' } });
  if (built.ok && built.request) {
    const headers: Array<[string, string]> = built.request.headers;
    const init: { method: string; body: string } = { method: built.request.method, body: built.request.body };
    void headers; void init;
  }
  const read = kit.readResponse('athena.createInvite', { status: 200, headers: [['a', 'b']], body: '{}' });
  const outcome: 'success' | 'partial' | 'failure' = read.outcome;
  const retry: number | null = read.retryAfter;
  const table = kit.readInviteTable('athena.createInvite', 'Email\\na@b.co\\n', { constants: { '/role': 'viewer' } });
  const field: string = table.columns[0].field;
  const line: number = table.rows[0].line + kit.readTable('a\\n1\\n').rows[0].line;
  const step = kit.nextStep('athena.createInvite', null, 1);
  const state: 'waiting' | 'failed' | string = step.state;
  const csv: string = kit.tableLine(['a', 1, null]);
  void field; void line; void state; void csv;
  const schema: StandardSchemaV1 = kit.standardSchema('athena.createInvite');
  const result = await schema['~standard'].validate({});
  if (result.issues) for (const i of result.issues) void i.message;
  // @ts-expect-error: the endpoint id is a string
  kit.validate(1, {});
  // @ts-expect-error: outcome is a closed set
  const wrong: 'ok' = read.outcome;
  void ok; void value; void count; void outcome; void retry; void wrong;
}
void main;
`;

function check(files, moduleKind, resolution = moduleKind) {
  const dir = mkdtempSync(join(tmpdir(), 'invitekit-types-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(packageDir, join(dir, 'node_modules', 'invitekit'), 'dir');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, module: moduleKind, moduleResolution: resolution,
      target: 'es2022', lib: ['es2022'], types: [], skipLibCheck: false,
    },
    include: Object.keys(files),
  }));
  const tsc = join(packageDir, 'node_modules', '.bin', 'tsc');
  return spawnSync(tsc, ['-p', dir], { encoding: 'utf8' });
}

test('an ES module consumer type-checks', () => {
  const r = check({ 'consumer.mts': consumer, 'package.json': '{"type":"module"}' }, 'nodenext');
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('a CommonJS consumer type-checks', () => {
  const cjs = consumer.replace(
    /^import \{ createInviteKit, (.*) \} from 'invitekit';$/m,
    "import { $1 } from 'invitekit';\nimport invitekit = require('invitekit');\nconst { createInviteKit } = invitekit;");
  const r = check({ 'consumer.cts': cjs }, 'nodenext');
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('a bundler-style consumer type-checks', () => {
  const r = check({ 'consumer.ts': consumer }, 'esnext', 'bundler');
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
