// The ES module build in Chromium under a strict Content-Security-Policy: scripts only from the
// page's origin plus 'wasm-unsafe-eval' — no eval, no new Function. Any securitypolicyviolation
// fails the test. Uses Debian's /usr/bin/chromium through playwright-core.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { packageDir } from './helpers.mjs';

const require = createRequire(join(packageDir, 'package.json'));
const { chromium } = require('playwright-core');

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";
const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };

// The page: a guard that records violations, then a module that runs the kit.
const pages = {
  '/test/index.html': `<!doctype html><meta charset="utf-8"><title>invitekit CSP</title>
<script src="/test/guard.js"></script><script type="module" src="/test/main.js"></script>`,
  '/test/guard.js': `window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
});`,
  '/test/main.js': `import { createInviteKit } from '/index.browser.js';
try {
  const kit = await createInviteKit();
  const good = { type: 'organization', invite_method: 'email', email: 'user@example.com' };
  const users = { email: 'bad..dots@example.com', firstName: 'Jo', lastName: 'Doe', permissions: { group: 0 } };
  window.result = {
    ids: kit.endpoints().map((e) => e.id),
    valid: kit.validate('athena.createInvite', good).valid,
    value: kit.validate('athena.createInvite', JSON.stringify(good)).value,
    pattern: kit.validate('usersOrganizations.createInvite', users).errors.map((e) => e.path + ' ' + e.code),
    many: kit.validateMany('athena.createInvite', [good, {}]).validCount,
    request: kit.buildRequest('athena.createInvite', good, { credentials: { apiKey: 'k' } }).ok,
    standard: 'value' in kit.standardSchema('athena.createInvite')['~standard'].validate(good),
  };
} catch (e) {
  window.result = { error: String(e && e.stack || e) };
}`,
};

let server;
let origin;
before(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    let body = pages[path];
    if (body === undefined) {
      const file = normalize(join(packageDir, path));
      if (!file.startsWith(packageDir) || file.includes('node_modules')) {
        res.writeHead(404).end();
        return;
      }
      try {
        body = readFileSync(file);
      } catch {
        res.writeHead(404).end();
        return;
      }
    }
    res.writeHead(200, { 'content-type': types[extname(path)] || 'application/octet-stream', 'content-security-policy': CSP });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

test('the ES module build runs under script-src \'self\' \'wasm-unsafe-eval\'', { timeout: 120000 }, async () => {
  const profile = mkdtempSync(join(tmpdir(), 'invitekit-chromium-'));
  // launchPersistentContext passes the fresh profile as --user-data-dir.
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    await page.goto(`${origin}/test/index.html`);
    await page.waitForFunction(() => window.result !== undefined, null, { timeout: 60000 });
    const { result, violations } = await page.evaluate(() => ({ result: window.result, violations: window.violations }));
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    assert.equal(result.error, undefined, result.error);
    assert.deepEqual(result.ids, ['athena.bulkInvite', 'athena.createInvite', 'usersOrganizations.createInvite']);
    assert.equal(result.valid, true);
    assert.equal(result.value.role, 'viewer');
    assert.ok(result.pattern.includes('/email pattern'), JSON.stringify(result.pattern));
    assert.equal(result.many, 1);
    assert.equal(result.request, true);
    assert.equal(result.standard, true);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
