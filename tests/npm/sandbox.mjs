// serve.py's sandbox for the npm suites that send (the CLI's send): a free port, a fresh
// in-memory database, the options a test asks for (--rate-limit, --fail-rate, --latency).
import { spawn } from 'node:child_process';
import net from 'node:net';
import { join } from 'node:path';
import { repo } from './helpers.mjs';

const python = process.env.INVITEKIT_PYTHON ?? '/usr/bin/python3';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export async function startSandbox(args = []) {
  const port = await freePort();
  const child = spawn(python, [join(repo, 'serve.py'), '--port', String(port), '--db', ':memory:', '--quiet', ...args],
                      { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (c) => { log += c; });
  child.stderr.on('data', (c) => { log += c; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  // Node's fetch sends no Origin: X-Requested-With shows serve.py this is not another site's page.
  const get = async (path) => (await fetch(url + path, { headers: { 'x-requested-with': 'invitekit-tests' } })).json();
  const sandbox = {
    url,
    get log() { return log; },
    credentials: () => get('/sandbox/credentials'),
    state: () => get('/sandbox/state'),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  for (const deadline = Date.now() + 15000; ;) {
    if (child.exitCode !== null) throw new Error(`serve.py exited with ${child.exitCode}:\n${log}`);
    try {
      await sandbox.credentials();
      return sandbox;
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`serve.py did not answer on ${url}: ${e.message}\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
