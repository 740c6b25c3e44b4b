// Small and fast to start, as served: index.html is revalidated every time, every
// asset it loads has a content hash in its name and is cached for a year, everything text-like
// and the .wasm go gzipped, and the shipped WASM carries neither a filesystem nor std::regex.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { builtName, repoRoot, suite } from './harness.js';

const shared = suite({ before, after });
const IMMUTABLE = 'public, max-age=31536000, immutable';
const dist = process.env.INVITEKIT_WEB_DIST ?? path.join(repoRoot, 'web', 'dist');

test('the page loads only hashed assets, each cached for a year; index.html is never cached stale', async (t) => {
  const loaded = [];
  await shared.withPage(t, {
    beforeGoto: (page) => page.on('response', (response) => loaded.push(response)),
  }, async (admin) => {
    await admin.waitFrames(2);
    const own = loaded.filter((r) => r.url().startsWith(shared.server.url) && r.request().method() === 'GET' &&
                                     !new URL(r.url()).pathname.startsWith('/sandbox/'));
    const index = own.find((r) => new URL(r.url()).pathname === '/');
    assert.equal((await index.allHeaders())['cache-control'], 'no-cache');
    const assets = own.filter((r) => r !== index).map((r) => new URL(r.url()).pathname.slice(1));
    for (const plain of ['invitekit-admin.js', 'invitekit-admin.wasm', 'a11y.js', 'a11y_form.js', 'app.js', 'app.css']) {
      assert.ok(assets.includes(builtName(plain)), `${plain} is loaded as ${builtName(plain)}`);
    }
    for (const response of own.filter((r) => r !== index)) {
      const name = new URL(response.url()).pathname;
      assert.match(name, /\.[0-9a-f]{10}\.\w+$/, `${name} has a content hash`);
      const headers = await response.allHeaders();
      assert.equal(headers['cache-control'], IMMUTABLE, name);
      assert.equal(headers['content-encoding'], 'gzip', `${name} went gzipped`);
    }
  });
});

test('index.html names every file of the built page by its hashed name', async () => {
  const html = await (await fetch(`${shared.server.url}/`)).text();
  const referenced = [...html.matchAll(/(?:src|href)="([^":]+)"/g)].map((m) => m[1]);
  assert.ok(referenced.length >= 4, `index.html references ${referenced.join(', ')}`);
  const names = JSON.parse(fs.readFileSync(path.join(dist, 'assets.json'), 'utf8'));
  assert.deepEqual(referenced.filter((name) => !Object.values(names).includes(name)), []);
  const wasm = await fetch(`${shared.server.url}/${builtName('invitekit-admin.wasm')}`, { method: 'HEAD' });
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.equal(wasm.headers.get('cache-control'), IMMUTABLE);
});

test('the WASM app ships no filesystem and no std::regex', () => {
  const loader = fs.readFileSync(path.join(dist, builtName('invitekit-admin.js')), 'utf8');
  assert.doesNotMatch(loader, /MEMFS|FS_createPath|createDataFile/, 'no Emscripten FS library (-sFILESYSTEM=0)');
  const wasm = fs.readFileSync(path.join(dist, builtName('invitekit-admin.wasm'))).toString('latin1');
  // libc++'s regex_error messages come with std::regex; the core's patterns use JS RegExp.
  assert.doesNotMatch(wasm, /The expression contained mismatched|regex_error/);
});
