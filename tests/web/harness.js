// Harness for the admin page's browser tests: serve.py on a free port with a fresh in-memory
// sandbox, Debian's Chromium driven by playwright-core, and input helpers that find Dear ImGui
// widgets by the labels the app publishes in globalThis.invitekitItems.
//
// The hook only tells where things are. Every action is a real mouse or keyboard event on the
// canvas; tests never set values or call the app. What the tests read from the page:
//   invitekitItems = { frame, items: [{id, label, x, y, w, h, window}],
//                      state: {endpoint, sendEnabled, inFlight, outcome, errorCount, drawn} }
// with rectangles in CSS pixels relative to the canvas and labels as drawn (text before '##').
//
// Environment: INVITEKIT_SERVE (path to serve.py), INVITEKIT_WEB_DIST (the built page),
// INVITEKIT_CHROMIUM (browser binary), INVITEKIT_PYTHON (interpreter for serve.py).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const artifactsDir = path.join(repoRoot, 'tests', 'artifacts');
const distDir = process.env.INVITEKIT_WEB_DIST ?? path.join(repoRoot, 'web', 'dist');
const servePath = process.env.INVITEKIT_SERVE ?? path.join(repoRoot, 'serve.py');
const python = process.env.INVITEKIT_PYTHON ??
  (fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const chromiumPath = process.env.INVITEKIT_CHROMIUM ?? '/usr/bin/chromium';

// Long enough for SwiftShader on a busy 2-core machine, short enough to fail a stuck test.
const WAIT_MS = 15_000;
// The window the tests run in (and screenshot): the smallest the layout is made for, so every
// test also shows that nothing it needs is cut off there (layout.test.js checks larger ones).
export const VIEWPORT = { width: 1024, height: 640 };

// ---- the built page ---------------------------------------------------------------------

/** The name `plain` (e.g. "invitekit-admin.wasm") has in the built page: the build gives every
 *  asset a content hash (web/hash_assets.py) and lists them in web/dist/assets.json. */
export function builtName(plain) {
  const manifest = path.join(distDir, 'assets.json');
  const names = fs.existsSync(manifest) ? JSON.parse(fs.readFileSync(manifest, 'utf8')) : {};
  return names[plain] ?? plain;
}

// ---- serve.py ---------------------------------------------------------------------------

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts serve.py on a free port with a fresh `--db :memory:`; resolves once it answers. */
export async function startServer() {
  for (const [what, file] of [['serve.py', servePath], ['the built page', path.join(distDir, 'index.html')],
                              ['the WASM app', path.join(distDir, builtName('invitekit-admin.js'))]]) {
    if (!fs.existsSync(file)) throw new Error(`${what} not found at ${file} (run "make web", or set INVITEKIT_SERVE / INVITEKIT_WEB_DIST)`);
  }
  const port = await freePort();
  const child = spawn(python, [servePath, '--port', String(port), '--db', ':memory:', '--directory', distDir],
                      { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (chunk) => { log += chunk; });
  child.stderr.on('data', (chunk) => { log += chunk; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;

  const server = {
    url,
    port,
    get log() { return log; },
    /** JSON request to the sandbox API (GET /sandbox/state, POST /sandbox/reset, …). Node's
     *  fetch sends no Origin, so X-Requested-With shows serve.py this is not another site's page. */
    async api(method, urlPath, body) {
      const response = await fetch(url + urlPath, {
        method,
        headers: { 'x-requested-with': 'invitekit-tests', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${urlPath} → ${response.status}: ${text}`);
      return text ? JSON.parse(text) : null;
    },
    credentials() { return server.api('GET', '/sandbox/credentials'); },
    state() { return server.api('GET', '/sandbox/state'); },
    reset() { return server.api('POST', '/sandbox/reset'); },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };

  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve.py exited with ${child.exitCode}:\n${log}`);
    try {
      await server.credentials();
      return server;
    } catch (error) {
      if (Date.now() > deadline) {
        await server.stop();
        throw new Error(`serve.py did not answer on ${url}: ${error.message}\n${log}`);
      }
      await sleep(100);
    }
  }
}

// ---- Chromium -------------------------------------------------------------------------------

/** Debian's Chromium, headless, WebGL2 through SwiftShader. Playwright gives each launch a
 *  fresh temporary --user-data-dir and removes it on close. */
export function launchBrowser() {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath} (scripts/install-deps.sh web installs it)`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
           '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

// Observes (never acts): every CSP violation the page reports becomes a console error, which
// fails the test.
function reportCspViolations() {
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}` +
                  ` (${event.sourceFile}:${event.lineNumber})`);
  });
}

/**
 * Opens the admin page in a fresh browser context.
 * options: viewport, deviceScaleFactor, clipboard (grant clipboard permissions; default true),
 *          initScript (a function run before the page's scripts, e.g. to take WebGL2 away),
 *          beforeGoto (async (page) => …, e.g. to hold a response back with page.route),
 *          waitForApp (default true: resolve once the app is up and the loading panel gone).
 */
export async function openPage(browser, server, options = {}) {
  const context = await browser.newContext({
    viewport: options.viewport ?? VIEWPORT,
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
  });
  if (options.clipboard ?? true) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  }
  await context.addInitScript(reportCspViolations);
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  const admin = new AdminPage(page, server);
  if (options.beforeGoto) await options.beforeGoto(page);
  await page.goto(server.url + '/');
  if (options.waitForApp ?? true) await admin.waitForApp();
  return admin;
}

// ---- The page -------------------------------------------------------------------------------

// A widget matches by label (exact string, RegExp or predicate; null for any) and, when given,
// by window and by key (the "##key" part of its ImGui label, e.g. a field's JSON Pointer).
function fits(value, wanted) {
  if (wanted === undefined || wanted === null) return true;
  if (wanted instanceof RegExp) return wanted.test(value ?? '');
  if (typeof wanted === 'function') return wanted(value);
  return value === wanted;
}

// Text the page shows is published with key "text"; what is clicked or typed into is a widget.
const WIDGET = (key) => key !== 'text';

function matches(item, label, { window, key } = {}) {
  return fits(item.label, label) && fits(item.window, window) && fits(item.key, key);
}

function describe(label, { window, key } = {}) {
  return `${label ?? 'any widget'}${key === undefined || typeof key === 'function' ? '' : ` with key ${key}`}${window === undefined ? '' : ` in window ${window}`}`;
}

export class AdminPage {
  constructor(page, server) {
    this.page = page;
    this.server = server;
    this.consoleErrors = [];
    this.allowedErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(`uncaught: ${error.message}`));
  }

  /** Console errors matching `pattern` are expected by this test (e.g. the browser's own
   *  "Failed to load resource: … 401" line for a refused key). */
  allowConsoleError(pattern) {
    this.allowedErrors.push(pattern);
  }

  unexpectedConsoleErrors() {
    return this.consoleErrors.filter((text) => !this.allowedErrors.some((pattern) => pattern.test(text)));
  }

  async close() {
    await this.page.context().close();
  }

  // -- reading the hook

  /** The app's latest published frame: {frame, items, state}, or null before the first. */
  snapshot() {
    return this.page.evaluate(() => (globalThis.invitekitItems ? JSON.parse(JSON.stringify(globalThis.invitekitItems)) : null));
  }

  async state() {
    return (await this.snapshot())?.state;
  }

  /** Polls the snapshot until `check(snapshot)` (may be async) returns a truthy value, which
   *  it returns. */
  async waitFor(check, what, timeout = WAIT_MS, { allowNoFrame = false } = {}) {
    const deadline = Date.now() + timeout;
    let last = null;
    for (;;) {
      last = await this.snapshot();
      const result = (last || allowNoFrame) && await check(last);
      if (result) return result;
      if (Date.now() > deadline) {
        const labels = last ? last.items.map((item) => `${item.label}@${item.window}`).join(' | ') : 'no frame published';
        throw new Error(`timed out after ${timeout} ms waiting for ${what}; state ${JSON.stringify(last?.state)}; items: ${labels}`);
      }
      await sleep(25);
    }
  }

  /** Waits for the app's first frame and the loading panel to go; fails at once with the
   *  page's own message when it shows why the app cannot start. */
  async waitForApp() {
    await this.waitFor(async (snap) => {
      const problem = await this.page.evaluate(() => {
        const status = document.getElementById('status');
        return status.classList.contains('status-error') ? status.innerText : null;
      });
      if (problem) throw new Error(`the page reports: ${problem.replace(/\s+/g, ' ')}`);
      return snap?.frame > 0;
    }, 'the first published frame', WAIT_MS, { allowNoFrame: true });
    await this.page.waitForSelector('#status', { state: 'hidden', timeout: WAIT_MS });
  }

  /** Resolves once `count` more frames were rendered, or earlier when the app went idle: it
   *  pauses its main loop only once every queued input was drawn, and marks that last frame
   *  `state.settled`; no new frame for a while means the same. */
  async waitFrames(count = 1) {
    const quiet = 1000;
    let last = (await this.snapshot())?.frame ?? 0;
    const start = last;
    const target = last + count;
    let lastChange = Date.now();
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const snap = await this.snapshot();
      const frame = snap?.frame ?? 0;
      if (frame >= target || (frame > start && snap.state?.settled)) return;
      if (frame !== last) [last, lastChange] = [frame, Date.now()];
      else if (Date.now() - lastChange > quiet) return;
      if (Date.now() > deadline) throw new Error(`the app kept drawing without reaching frame ${target}`);
      await sleep(25);
    }
  }

  /** Waits until the app's state satisfies `check(state)`. */
  waitForState(check, what) {
    return this.waitFor((snap) => check(snap.state) && snap.state, what);
  }

  /** The published widgets matching `label` and `where` ({window, key}), in drawing order. */
  async items(label, where = {}) {
    return ((await this.snapshot())?.items ?? []).filter((item) => matches(item, label, where));
  }

  /** The widget labelled `label` (exact string or RegExp; null for any), optionally narrowed by
   *  `window` and `key`; `index` picks among several matches in drawing order. */
  waitForItem(label, { window, key, index = 0, timeout } = {}) {
    return this.waitFor((snap) => snap.items.filter((item) => matches(item, label, { window, key }))[index],
                        `the widget ${describe(label, { window, key })}${index ? ` #${index}` : ''}`, timeout);
  }

  async waitForNoItem(label, { window, key, timeout } = {}) {
    await this.waitFor((snap) => !snap.items.some((item) => matches(item, label, { window, key })),
                       `the widget ${describe(label, { window, key })} to go away`, timeout);
  }

  async hasItem(label, where = {}) {
    return (await this.items(label, where)).length > 0;
  }

  // -- real input

  /** Page coordinates of a widget's centre (its rectangle is relative to the canvas). */
  async centre(item) {
    const box = await this.page.locator('#canvas').boundingBox();
    return { x: box.x + item.x + item.w / 2, y: box.y + item.y + item.h / 2 };
  }

  /** Clicks the centre of the widget labelled `label` with the real mouse and waits until the
   *  app has drawn the result. A press and release between two frames is still one click to
   *  ImGui's GLFW backend (it latches presses), at the position the mouse has at the frame. */
  async click(label, options = {}) {
    options = { key: WIDGET, ...options };
    const item = await this.scrollIntoView(await this.locate(label, options), label, options);
    const { x, y } = await this.centre(item);
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.up();
    await this.waitFrames(2);
    return item;
  }

  /** Finds a widget, scrolling for it if need be: ImGui skips the label hook of some
   *  widgets (buttons, radio buttons, checkboxes) while they are scrolled out of view, so such a
   *  widget is only published once it is scrolled back in. Each window with content out of
   *  view is wheeled down, then up, until the widget shows up. */
  async locate(label, options = {}) {
    const quick = await this.waitForItem(label, { ...options, timeout: 800 }).catch(() => null);
    if (quick) return quick;
    const snap = await this.snapshot();
    const scrollable = [...new Set(snap.items.filter((i) => i.visible === false).map((i) => i.window))];
    for (const window of scrollable) {
      for (const direction of [1, -1]) {
        for (let step = 0; step < 15; step++) {
          const inWindow = await this.items(null, { window });
          const shown = inWindow.filter((i) => i.visible !== false);
          const anchor = shown[Math.floor(shown.length / 2)];
          if (!anchor) break;
          const { x, y } = await this.centre(anchor);
          await this.page.mouse.move(x, y);
          await this.page.mouse.wheel(0, direction * 200);
          await this.waitFrames(2);
          const found = (await this.items(label, options))[options.index ?? 0];
          if (found) return found;
          const after = await this.items(null, { window });
          if (after.length === inWindow.length && after.every((i, n) => i.y === inWindow[n].y)) break;  // at the end
        }
      }
    }
    return this.waitForItem(label, options);
  }

  /** Brings a widget wholly into view with the mouse wheel (over a widget of its window) and
   *  returns it where it now is. The hook says whether a widget overlaps its window's clip
   *  rectangle, not whether it is cut by the edge: a widget with nothing visible below it (or
   *  above it, with more content there) may be cut, so its window is scrolled towards it until
   *  it no longer moves or has a visible neighbour on that side. */
  async scrollIntoView(item, label, options = {}) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const others = (await this.items(null, { window: item.window })).filter((o) => o.id !== item.id || o.label !== item.label);
      const shown = others.filter((o) => o.visible !== false);
      const hidden = others.filter((o) => o.visible === false);
      let direction = 0;
      if (item.visible === false) direction = Math.sign(item.y - (shown[0]?.y ?? 0));
      else if (!shown.some((o) => o.y >= item.y + item.h)) direction = 1;
      else if (hidden.some((o) => o.y < item.y) && !shown.some((o) => o.y + o.h <= item.y)) direction = -1;
      if (direction === 0) return item;
      const anchor = shown[Math.floor(shown.length / 2)] ?? (item.visible !== false ? item : null);
      if (!anchor) throw new Error(`cannot scroll to ${label}: nothing of window ${item.window} is visible`);
      const { x, y } = await this.centre(anchor);
      await this.page.mouse.move(x, y);
      const distance = item.visible === false ? Math.abs(item.y - anchor.y) : item.h + 40;
      await this.page.mouse.wheel(0, direction * Math.min(distance, 300));
      await this.waitFrames(2);
      const before = item.y;
      item = await this.waitForItem(label, options);
      if (item.visible !== false && item.y === before) return item;  // the window cannot scroll further
    }
    throw new Error(`${label ?? options.key} could not be scrolled into view`);
  }

  /** Presses `key` (e.g. 'Backspace', 'Control+a', 'Enter') and waits until the app has drawn
   *  what it did. The app queues key events and applies a press and its release in successive
   *  frames (ImGui's input queue), so nothing is lost; holding the key instead would risk ImGui's
   *  key repeat (0.275 s) on a machine slow enough to take that long over two frames. */
  async press(key) {
    const keys = key.split('+');
    for (const k of keys) await this.page.keyboard.down(k);
    for (const k of keys.reverse()) await this.page.keyboard.up(k);
    await this.waitFrames(2);
  }

  /** Clicks the field labelled `label` and replaces its text with `text`: Ctrl+A, then the
   *  text typed with the real keyboard (a small delay per character), or Delete for none. */
  async typeInto(label, text, options = {}) {
    await this.click(label, options);
    for (const k of ['Control', 'a']) await this.page.keyboard.down(k);
    for (const k of ['a', 'Control']) await this.page.keyboard.up(k);
    if (text.length) await this.page.keyboard.type(text, { delay: 15 });
    else await this.page.keyboard.press('Delete');
    await this.waitFrames(2);
  }

  /** Puts `text` on the system clipboard (test data, like a user copying from elsewhere; the
   *  page is granted clipboard access), then pastes it over the text of the field `label`. */
  async pasteInto(label, text, options = {}) {
    await this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await this.click(label, options);
    await this.press('Control+a');
    await this.press('Control+v');
  }

  async screenshot(name) {
    fs.mkdirSync(artifactsDir, { recursive: true });
    const file = path.join(artifactsDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Resizes the window and waits until the app has drawn at the new size. */
  async resize(viewport) {
    await this.page.setViewportSize(viewport);
    await this.waitFor(async () => (await this.page.evaluate(() => document.getElementById('canvas').width)) ===
                                   Math.round(viewport.width * (await this.page.evaluate(() => devicePixelRatio))),
                       `the canvas at ${viewport.width}×${viewport.height}`);
    await this.waitFrames(2);
  }

  async reload() {
    await this.page.reload();
    await this.waitForApp();
  }
}

// ---- test scaffolding ----------------------------------------------------------------------

/**
 * Shared per test file: one serve.py (with its seeded `creds`) and one browser. `withPage(options, body)` opens a fresh
 * page on a reset sandbox, runs `body(admin)`, then fails on unexpected console errors or CSP
 * violations, and always closes the page (with a screenshot named after the failing test).
 */
export function suite({ before, after }) {
  const shared = {};
  before(async () => {
    shared.server = await startServer();
    shared.creds = await shared.server.credentials();
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.stop();
  });
  shared.withPage = async (t, options, body) => {
    if (typeof options === 'function') [options, body] = [{}, options];
    const server = options.server ?? shared.server;
    await server.reset();
    const admin = await openPage(shared.browser, server, { ...options, waitForApp: false });
    let failed = true;
    try {
      if (options.waitForApp ?? true) await admin.waitForApp();
      await body(admin);
      failed = false;
    } finally {
      if (failed) {
        const name = `failed-${t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
        await admin.screenshot(name).catch(() => {});
      }
      const unexpected = admin.unexpectedConsoleErrors();
      await admin.close();
      if (!failed && unexpected.length) {
        throw new Error(`console errors on the page:\n  ${unexpected.join('\n  ')}`);
      }
    }
  };
  return shared;
}
