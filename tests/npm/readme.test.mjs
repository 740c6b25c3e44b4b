// The README's npm example, run as written: the first ```js block of README.md, with the package
// installed under its name and the sandbox as ATHENA_BASE_URL, prints what its comments say.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { packageDir, repo } from './helpers.mjs';
import { startSandbox } from './sandbox.mjs';

let sandbox;
before(async () => { sandbox = await startSandbox(); });
after(() => sandbox.stop());

test("the README's npm example runs and prints what it says", async () => {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const example = readme.match(/## The npm package[^\n]*\n```js\n([\s\S]*?)\n```/);
  assert.ok(example, 'README.md has the npm example');
  const dir = mkdtempSync(join(tmpdir(), 'invitekit-readme-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(packageDir, join(dir, 'node_modules', 'invitekit'), 'dir');
  writeFileSync(join(dir, 'example.mjs'), example[1]);
  const apiKey = (await sandbox.credentials()).athena.globalApiKey;
  const run = spawnSync(process.execPath, ['example.mjs'], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, ATHENA_BASE_URL: sandbox.url, ATHENA_API_KEY: apiKey },
  });
  assert.equal(run.status, 0, run.stderr);
  // The lines its comments promise, then the sandbox's answer to the invite.
  const promised = [...example[1].matchAll(/^\/\/ (\/.*)$/gm)].map((m) => m[1]);
  const printed = run.stdout.trimEnd().split('\n');
  assert.deepEqual(printed.slice(0, promised.length), promised);
  assert.equal(printed.length, promised.length + 1);
  assert.match(printed.at(-1), /invit/i);
  const state = await sandbox.state();
  assert.equal(state.received.length, 1, 'the invite reached the sandbox once');
});
