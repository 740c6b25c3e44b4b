// make bench-page: the admin page as a browser meets it, at 1280×800 and 1920×1080 with software
// WebGL (SwiftShader, as on a VM or a remote desktop) — bytes over the wire, the first usable
// frame, and what a keystroke costs: main-thread time, the time until its pixels are on screen,
// and frames drawn. Next to each figure: its goal and, where there is one, a peer in the same run
// (Swagger UI's download; a plain DOM <input> for the keystroke figures), the row ending
// `ratio=<ours/peer>`. A benchmark, not a test: it prints and never judges.
//
// Same serve.py and Chromium (Debian's, headless) as tests/web/harness.js, whose launcher it
// reuses. INVITEKIT_WEB_DIST measures another build of the page. KB = 1000 bytes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { launchBrowser, startServer } from '../../tests/web/harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SWAGGER_DIR = path.join(here, 'node_modules', 'swagger-ui-dist');
const SWAGGER_FILES = ['index.html', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'swagger-ui.css'];
const SIZES = [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }];
const GZIP_LEVEL = 9;     // what serve.py sends (gzip.compress(..., compresslevel=9)), for both sides
const LOADS = 3;          // cold loads (fresh context, empty cache); the median is shown
const KEYS = 'ada.lovelace@example.com';  // typed one key at a time into a focused text field
const KEY_GAP_MS = 150;   // each key on its own, as a person types
const SETTLE_MS = 600;    // after the last key, before the main-thread time is read

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(1)} ms`;
const median = (values) => (values.length ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] : NaN);

// ---- observers, installed before the page's own scripts; they change nothing ------------------

// Frames that drew: a requestAnimationFrame callback that made a WebGL draw call, and how long
// each callback ran. Key-to-pixel: the browser's Event Timing entries for keydown, whose duration
// runs from the key event to the presentation of the next frame painted after it was handled.
function observe() {
  window.__bench = { drawnFrames: 0, frameMs: [], keyLatencies: [], ready: undefined };
  let drew = false;
  for (const proto of [globalThis.WebGL2RenderingContext?.prototype].filter(Boolean)) {
    for (const name of ['drawElements', 'clear']) {
      const original = proto[name];
      proto[name] = function (...args) { drew = true; return original.apply(this, args); };
    }
  }
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => raf((time) => {
    drew = false;
    const start = performance.now();
    callback(time);
    if (drew) {
      window.__bench.drawnFrames += 1;
      window.__bench.frameMs.push(performance.now() - start);
    }
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'keydown') window.__bench.keyLatencies.push(entry.duration);
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  window.addEventListener('invitekit-ready', () => { window.__bench.ready = performance.now(); }, { once: true });
}

function kindOf(url, contentType) {
  if (/\.wasm$/.test(url) || contentType.includes('wasm')) return 'WASM';
  if (contentType.includes('javascript')) return 'JS';
  if (contentType.includes('css')) return 'CSS';
  if (contentType.includes('html')) return 'HTML';
  return null;  // the sandbox API's JSON: not part of the page's download
}

/** One cold load: what came over the wire, and when the app had drawn its first usable frame. */
async function coldLoad(browser, server, viewport) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(observe);
  const page = await context.newPage();
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.goto(server.url + '/');
  await page.waitForFunction(() => window.__bench.ready !== undefined, null, { timeout: 30_000 });
  const readyMs = await page.evaluate(() => window.__bench.ready);  // from navigation start
  const files = [];
  for (const response of responses) {
    const headers = await response.allHeaders();
    const kind = kindOf(response.url(), headers['content-type'] ?? '');
    if (!kind || response.status() !== 200) continue;
    const sizes = await response.request().sizes();
    files.push({ name: new URL(response.url()).pathname, kind, raw: (await response.body()).length,
                 wire: sizes.responseBodySize, encoding: headers['content-encoding'] ?? 'identity' });
  }
  await context.close();
  return { readyMs, files };
}

/**
 * Types KEYS into `field` (a locator, already focused by the caller's click) one key at a time
 * and reads what it cost: main-thread task time per key (Chromium's TaskDuration, all of the
 * page's work: input handling, the app's frames, style and layout), key-to-pixel latency per
 * key, frames drawn per key and main-thread time per drawn frame.
 */
async function typeAndMeasure(page, cdp) {
  await page.waitForTimeout(1000);  // quiet: what came before is done
  await page.evaluate(() => { Object.assign(window.__bench, { drawnFrames: 0, frameMs: [], keyLatencies: [] }); });
  const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const task0 = await task();
  for (const key of KEYS) {
    await page.keyboard.press(key);
    await page.waitForTimeout(KEY_GAP_MS);
  }
  await page.waitForTimeout(SETTLE_MS);
  const task1 = await task();
  const seen = await page.evaluate(() => window.__bench);
  // Event Timing reports only keys slower than 16 ms: the others count as 16 ms (an upper bound).
  const latencies = [...seen.keyLatencies, ...Array(Math.max(0, KEYS.length - seen.keyLatencies.length)).fill(16)];
  return {
    perKeyMs: ((task1 - task0) * 1000) / KEYS.length,
    latencyMs: median(latencies),
    latencyMaxMs: Math.max(...latencies),
    over16: seen.keyLatencies.length,
    framesPerKey: seen.drawnFrames / KEYS.length,
    frameMs: median(seen.frameMs),
  };
}

async function measureApp(browser, server, viewport) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(observe);
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await page.waitForFunction(() => window.__bench.ready !== undefined, null, { timeout: 30_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // The Email field of the single-invite form, from where the page says it is
  // (web/item_registry.h; earlier builds published it as invitekitTest).
  const items = () => page.evaluate(() => (globalThis.invitekitItems ?? globalThis.invitekitTest)?.items ?? []);
  // An item wholly in view, wheeling its window down if it is not (the form may not fit).
  const find = async (key) => {
    for (let tries = 0; tries < 100; tries++) {
      const all = await items();
      const found = all.find((item) => item.key === key);
      const win = found && (await page.evaluate(() => (globalThis.invitekitItems ?? globalThis.invitekitTest).windows))
        .find((w) => w.name === found.window);
      if (found && found.visible !== false && (!win || found.y + found.h <= win.y + win.h)) return found;
      if (found) {
        await page.mouse.move(win.x + win.w / 2, win.y + win.h / 2);
        await page.mouse.wheel(0, 120);
      }
      await page.waitForTimeout(150);
    }
    throw new Error(`the page shows no ${key}`);
  };
  const click = async (item) => page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
  await click(await find('tab/athena.createInvite'));
  await page.waitForTimeout(500);
  await click(await find('/email'));
  const typing = await typeAndMeasure(page, cdp);
  await context.close();
  return typing;
}

/** The peer: a plain DOM text input on an otherwise empty page, in the same browser. */
async function measureDomInput(browser, viewport) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(observe);
  const page = await context.newPage();
  await page.setContent('<!doctype html><title>peer</title><input id="email" aria-label="Email">');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.click('#email');
  const typing = await typeAndMeasure(page, cdp);
  await context.close();
  return typing;
}

function swaggerBytes() {
  const version = JSON.parse(fs.readFileSync(path.join(SWAGGER_DIR, 'package.json'), 'utf8')).version;
  const files = SWAGGER_FILES.map((name) => {
    const data = fs.readFileSync(path.join(SWAGGER_DIR, name));
    return { name, raw: data.length, gzip: zlib.gzipSync(data, { level: GZIP_LEVEL }).length };
  });
  return { version, files };
}

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r) => r.map((cell, c) => String(cell).padEnd(widths[c])).join('  ').trimEnd()).join('\n');
}

const ratio = (ours, peer) => `ratio=${(ours / peer).toFixed(2)}`;

async function main() {
  if (!fs.existsSync(SWAGGER_DIR)) throw new Error('swagger-ui-dist is missing: run "make bench-page" (it runs npm ci in bench/page)');
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const swagger = swaggerBytes();
    const theirs = { raw: swagger.files.reduce((n, f) => n + f.raw, 0), gzip: swagger.files.reduce((n, f) => n + f.gzip, 0) };
    const rows = [['figure', 'size', 'invitekit', 'peer', 'goal', '']];
    let files = [];
    for (const viewport of SIZES) {
      const size = `${viewport.width}×${viewport.height}`;
      const loads = [];
      for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(browser, server, viewport));
      files = loads[0].files;
      const app = await measureApp(browser, server, viewport);
      const dom = await measureDomInput(browser, viewport);
      const readies = loads.map((l) => l.readyMs);
      rows.push(
        [`first usable frame (navigation → invitekit-ready), median of ${LOADS}`, size, `${(median(readies) / 1000).toFixed(2)} s`, '—', '≤ 1 s', ''],
        [`main-thread time per keystroke (${KEYS.length} keys); peer: a DOM <input>`, size, ms(app.perKeyMs), ms(dom.perKeyMs), '≤ 16 ms', ratio(app.perKeyMs, dom.perKeyMs)],
        ['key-to-pixel latency, median (keys under 16 ms count as 16); peer: a DOM <input>', size, ms(app.latencyMs), ms(dom.latencyMs), '≤ 50 ms', ratio(app.latencyMs, dom.latencyMs)],
        ['key-to-pixel latency, slowest key; peer: a DOM <input>', size, ms(app.latencyMaxMs), ms(dom.latencyMaxMs), '', ratio(app.latencyMaxMs, dom.latencyMaxMs)],
        ['canvas frames drawn per keystroke', size, app.framesPerKey.toFixed(2), '—', '1', ''],
        ['main-thread time per drawn frame while typing, median', size, ms(app.frameMs), '—', '', ''],
      );
    }
    const ours = { raw: files.reduce((n, f) => n + f.raw, 0), gzip: files.reduce((n, f) => n + f.wire, 0) };
    rows.push(
      ['bytes, HTML+JS+WASM+CSS, raw; peer: Swagger UI ' + swagger.version, 'any', kb(ours.raw), kb(theirs.raw), '', ratio(ours.raw, theirs.raw)],
      ['bytes, HTML+JS+WASM+CSS, gzip; peer: Swagger UI ' + swagger.version, 'any', kb(ours.gzip), kb(theirs.gzip), '≤ 300 KB', ratio(ours.gzip, theirs.gzip)],
    );

    console.log('invitekit admin page, as loaded by headless Chromium from serve.py (empty cache)\n');
    console.log(table([
      ['file', 'kind', 'raw (decoded)', 'over the wire', 'encoding'],
      ...files.map((f) => [f.name, f.kind, kb(f.raw), kb(f.wire), f.encoding]),
    ]));
    console.log(`\nSwagger UI ${swagger.version} (swagger-ui-dist from npm), gzip level ${GZIP_LEVEL} with node's zlib\n`);
    console.log(table([['file', 'raw', 'gzip'], ...swagger.files.map((f) => [f.name, kb(f.raw), kb(f.gzip)])]));
    console.log('\n' + table(rows));
    console.log('\nWebGL runs on SwiftShader (the CPU) here. Key-to-pixel latency is the browser\'s Event Timing' +
                '\nduration of each keydown: from the key event until the frame painted after it is presented.');
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
