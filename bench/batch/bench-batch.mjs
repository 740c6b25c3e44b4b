// make bench-batch: a table of 1,000 people sent to the sandbox (serve.py, no rate limit) by
// `invitekit send` at concurrency 1, 4 and 16, next to the floor measured in the same run — the
// same bodies POSTed by a bare fetch loop at the same concurrency (no validation, no progress,
// no results file) — and the sequential curl loop an admin would otherwise write. Rows end in
// ratio=<ours/peer> (rows per second; the goal is ours at least 0.8 of the floor). Then the
// CLI's peak memory on 10,000 rows. Every run gets a fresh sandbox (the database grows with each
// invite, and the server shares the machine's two cores with the sender), and the sides
// alternate over BENCH_ROUNDS rounds; each figure is a median.
// A benchmark, not a test: it prints, it does not judge.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../../tests/npm/sandbox.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(repo, 'wasm', 'bin', 'invitekit.cjs');
const rows = Number(process.env.BENCH_ROWS || 1000);
const curlRows = Number(process.env.BENCH_CURL_ROWS || 200);
const dir = mkdtempSync(join(tmpdir(), 'invitekit-bench-batch-'));

const rounds = Number(process.env.BENCH_ROUNDS || 3);
let sandbox, apiKey, url;
async function freshSandbox() {
  if (sandbox) await sandbox.stop();
  sandbox = await startSandbox();
  apiKey = (await sandbox.credentials()).athena.globalApiKey;
  url = `${sandbox.url}/api/v1/invites`;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

// Each run invites people nobody invited yet, so every row is a first invite for the sandbox.
let runNumber = 0;
function people(count) {
  runNumber += 1;
  return Array.from({ length: count }, (_, i) => ({
    type: 'organization', invite_method: 'direct', email: `run${runNumber}-person${i}@example.com`,
    first_name: `First${i}`, last_name: `Last${i}`, role: 'viewer',
  }));
}
const csvOf = (list) => ['Email,First name,Last name,Invite to,How,Role',
  ...list.map((p) => `${p.email},${p.first_name},${p.last_name},${p.type},${p.invite_method},${p.role}`)].join('\n') + '\n';

function runCli(file, concurrency, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, 'send', 'athena.createInvite', file, '--base-url', sandbox.url,
      '--concurrency', String(concurrency), '--results', `${file}.results.csv`],
    { env: { ...process.env, INVITEKIT_API_KEY: apiKey, ...extraEnv }, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (c) => { out += c; });
    child.on('error', reject);
    child.on('exit', (status) => resolve({ status, seconds: (performance.now() - started) / 1000, out }));
  });
}

async function fetchFloor(list, concurrency) {
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < list.length) {
      const body = JSON.stringify(list[next++]);
      const res = await fetch(url, { method: 'POST', headers: { 'x-api-key': apiKey, 'content-type': 'application/json' }, body });
      await res.text();
    }
  }));
  return (performance.now() - started) / 1000;
}

function curlLoop(list) {
  const file = join(dir, 'curl-loop.sh');
  const lines = list.map((p) => `curl -s -o /dev/null -X POST '${url}' -H 'x-api-key: ${apiKey}' -H 'content-type: application/json' --data-raw '${JSON.stringify(p)}'`);
  writeFileSync(file, lines.join('\n') + '\n');
  const started = performance.now();
  spawnSync('bash', [file], { stdio: 'ignore' });
  return (performance.now() - started) / 1000;
}

const fmt = (n) => n.toFixed(0).padStart(6);
console.log(`invitekit send vs a bare fetch loop and a curl loop, ${rows} rows (curl: ${curlRows}), serve.py's sandbox on loopback, node ${process.version}`);
for (const concurrency of [1, 4, 16]) {
  const ours = [], floor = [];
  for (let r = 0; r < rounds; r++) {
    const file = join(dir, `team-${concurrency}-${r}.csv`);
    writeFileSync(file, csvOf(people(rows)));
    await freshSandbox();
    const run = await runCli(file, concurrency);
    if (run.status !== 0) console.log(`note: invitekit send exited ${run.status}: ${run.out.trim()}`);
    ours.push(rows / run.seconds);
    await freshSandbox();
    floor.push(rows / await fetchFloor(people(rows), concurrency));
  }
  const ratio = median(ours.map((o, i) => o / floor[i]));
  console.log(`send, concurrency ${String(concurrency).padStart(2)}: invitekit ${fmt(median(ours))} rows/s   fetch loop ${fmt(median(floor))} rows/s   ratio=${ratio.toFixed(2)}`);
}
{
  await freshSandbox();
  const curlSeconds = curlLoop(people(curlRows));
  const file = join(dir, 'team-vs-curl.csv');
  writeFileSync(file, csvOf(people(rows)));
  await freshSandbox();
  const ours = await runCli(file, 4);
  const oursRate = rows / ours.seconds, curlRate = curlRows / curlSeconds;
  console.log(`send vs sequential curl loop:  invitekit ${fmt(oursRate)} rows/s (concurrency 4)   curl ${fmt(curlRate)} rows/s   ratio=${(oursRate / curlRate).toFixed(2)}`);
}
{
  // Peak memory (max RSS) of the CLI on 10,000 rows, next to node printing one line.
  await freshSandbox();
  const file = join(dir, 'team-10000.csv');
  writeFileSync(file, csvOf(people(10000)));
  const timed = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'send', 'athena.createInvite', file,
    '--base-url', sandbox.url, '--concurrency', '16', '--results', `${file}.results.csv`],
  { env: { ...process.env, INVITEKIT_API_KEY: apiKey }, encoding: 'utf8' });
  const bare = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '-e', 'console.log(1)'], { encoding: 'utf8' });
  const kb = (r) => Number(r.stderr.trim().split('\n').at(-1));
  console.log(`peak memory, 10,000 rows:       invitekit ${fmt(kb(timed) / 1024)} MB   bare node ${fmt(kb(bare) / 1024)} MB   ratio=${(kb(timed) / kb(bare)).toFixed(2)}`);
}
await sandbox.stop();
