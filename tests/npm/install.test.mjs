// The package as users get it: npm pack, install the tarball into an empty project (offline:
// the package has no dependencies), then ESM import, CommonJS require, the CLI, and an esbuild
// bundle of a browser entry.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { packageDir } from './helpers.mjs';

const project = mkdtempSync(join(tmpdir(), 'invitekit-install-'));
const good = JSON.stringify({ type: 'organization', invite_method: 'email', email: 'user@example.com' });
const node = (args, input) => spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8', input });

before(() => {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', project],
    { cwd: packageDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  const tarball = join(project, packed[0].filename);
  const files = packed[0].files.map((f) => f.path);
  for (const f of ['package.json', 'README.md', 'index.d.ts', 'dist/invitekit-web.wasm', 'dist/invitekit-node.wasm']) {
    assert.ok(files.includes(f), `the tarball has ${f}`);
  }
  assert.ok(!files.some((f) => f.startsWith('node_modules') || f.endsWith('.cpp')), files.join(' '));
  writeFileSync(join(project, 'package.json'), '{"name":"consumer","private":true}');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball],
    { cwd: project, stdio: ['ignore', 'ignore', 'inherit'] });
});

test('import from an ES module', () => {
  const r = node(['--input-type=module', '-e', `
    import { createInviteKit } from 'invitekit';
    const kit = await createInviteKit();
    console.log(kit.validate('athena.createInvite', ${JSON.stringify(good)}).valid);`]);
  assert.equal(r.stdout, 'true\n', r.stderr);
});

test('require from CommonJS', () => {
  const r = node(['-e', `
    const { createInviteKit } = require('invitekit');
    createInviteKit().then((kit) => console.log(kit.validate('athena.createInvite', '{}').valid));`]);
  assert.equal(r.stdout, 'false\n', r.stderr);
});

test('the CLI from node_modules/.bin', () => {
  const bin = join(project, 'node_modules', '.bin', 'invitekit');
  assert.ok(existsSync(bin));
  const ok = spawnSync(bin, ['validate', 'athena.createInvite', '-'], { input: good, encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  const bad = spawnSync(bin, ['validate', 'athena.createInvite', '-'], { input: '{}', encoding: 'utf8' });
  assert.equal(bad.status, 1);
});

test('esbuild bundles a browser entry', async () => {
  const esbuild = createRequire(join(packageDir, 'package.json'))('esbuild');
  writeFileSync(join(project, 'entry.js'), `
    import { createInviteKit } from 'invitekit';
    createInviteKit().then((kit) => { document.title = String(kit.validate('athena.createInvite', {}).valid); });`);
  const result = await esbuild.build({
    entryPoints: [join(project, 'entry.js')], bundle: true, format: 'esm', platform: 'browser',
    outfile: join(project, 'out', 'bundle.js'), minify: true, logLevel: 'silent', absWorkingDir: project,
  });
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.warnings, []);
  const bundle = readFileSync(join(project, 'out', 'bundle.js'), 'utf8');
  assert.match(bundle, /invitekit-web\.wasm/, 'the web build (it finds its .wasm by URL)');
  assert.doesNotMatch(bundle, /require\(["']fs["']\)|node:module/, 'no Node code in a browser bundle');
});
