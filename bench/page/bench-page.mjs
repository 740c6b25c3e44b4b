// make bench-page: the admin page as a browser meets it — bytes over the wire, time to the first
// frame, frames drawn while idle, main-thread time per keystroke — next to Swagger UI's
// distribution (bytes only: it has no comparable form). A benchmark, not a test: it prints
// figures, the goals of issue 6 beside them, and never judges.
//
// Same serve.py and Chromium (Debian's, headless, SwiftShader WebGL2) as tests/web/harness.js,
// whose launcher it reuses. KB = 1000 bytes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { AdminPage, launchBrowser, startServer } from '../../tests/web/harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SWAGGER_DIR = path.join(here, 'node_modules', 'swagger-ui-dist');
const SWAGGER_FILES = ['index.html', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'swagger-ui.css'];
const GZIP_LEVEL = 9;     // what serve.py sends (gzip.compress(..., compresslevel=9)), for both sides
const LOADS = 3;          // cold loads (fresh context, empty cache); the median is shown
const IDLE_MS = 5000;
const KEYS = 'ada.lovelace@example.com';  // typed one key at a time into the Email field
const KEY_GAP_MS = 120;   // each key is handled on its own, as a person types

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const median = (values) => (values.length ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] : NaN);

function kindOf(url, contentType) {
  if (/\.wasm$/.test(url) || contentType.includes('wasm')) return 'WASM';
  if (contentType.includes('javascript')) return 'JS';
  if (contentType.includes('css')) return 'CSS';
  if (contentType.includes('html')) return 'HTML';
  return null;  // the sandbox API's JSON: not part of the page's download
}

/** One cold load: what came over the wire, and when the app said it had drawn. */
async function coldLoad(browser, server) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    window.addEventListener('invitekit-ready', () => { window.__readyAt = performance.now(); }, { once: true });
  });
  const page = await context.newPage();
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.goto(server.url + '/');
  await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 30_000 });
  const readyMs = await page.evaluate(() => window.__readyAt);  // from navigation start
  const files = [];
  for (const response of responses) {
    const headers = await response.allHeaders();
    const kind = kindOf(response.url(), headers['content-type'] ?? '');
    if (!kind || response.status() !== 200) continue;
    const sizes = await response.request().sizes();
    files.push({
      name: new URL(response.url()).pathname,
      kind,
      raw: (await response.body()).length,            // decoded
      wire: sizes.responseBodySize,                   // as sent (gzip)
      encoding: headers['content-encoding'] ?? 'identity',
    });
  }
  await context.close();
  return { readyMs, files };
}

/** Frames drawn and main-thread task time over IDLE_MS of nobody doing anything. */
async function idle(admin, cdp) {
  await admin.waitFor((snap) => snap.state.settled, 'the app to settle');
  const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const [frame0, task0] = [(await admin.snapshot()).frame, await task()];
  await admin.page.waitForTimeout(IDLE_MS);
  const [frame1, task1] = [(await admin.snapshot()).frame, await task()];
  return { frames: frame1 - frame0, taskMs: (task1 - task0) * 1000 };
}

// Observes (never changes) the app's frames: the main-thread time of each requestAnimationFrame
// callback, and when it started. Under SwiftShader a frame that follows another within a few
// milliseconds waits for the software rasterizer to finish the previous one; the first frame
// after a pause is the app's own work (ImGui, validation, issuing the GL calls).
function timeFrames() {
  window.__frameTimes = [];
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => raf((time) => {
    const start = performance.now();
    callback(time);
    window.__frameTimes.push([start, performance.now() - start]);
  });
}

/** Main-thread task time per key typed into a focused text field (the app validates the whole
 *  form and redraws on each), frames per key, and the time of a frame not queued behind another. */
async function keystrokes(admin, cdp) {
  await admin.click('Email', { key: '/email' });
  await admin.waitFor((snap) => snap.state.settled, 'the app to settle');
  await admin.page.waitForTimeout(500);
  await admin.page.evaluate(() => { window.__frameTimes = []; });
  const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const [frame0, task0] = [(await admin.snapshot()).frame, await task()];
  for (const key of KEYS) {
    await admin.page.keyboard.press(key);
    await admin.page.waitForTimeout(KEY_GAP_MS);
  }
  await admin.waitFor((snap) => snap.state.settled, 'the app to settle after typing');
  const [frame1, task1] = [(await admin.snapshot()).frame, await task()];
  const frames = await admin.page.evaluate(() => window.__frameTimes);
  // The app's own work: single keys after a second of quiet (the rasterizer has caught up);
  // the first frame each draws.
  const firstOfWake = [];
  for (const key of 'xyzxy') {
    await admin.page.waitForTimeout(1000);
    await admin.page.evaluate(() => { window.__frameTimes = []; });
    const before = (await admin.snapshot()).frame;
    await admin.page.keyboard.press(key);
    await admin.waitFor((snap) => snap.frame > before && snap.state.settled, 'the app to settle after a key');
    const [first] = await admin.page.evaluate(() => window.__frameTimes);
    if (first) firstOfWake.push(first);  // a key that drew no timed frame has nothing to say
  }
  // Playwright's own page.evaluate calls (snapshots) count too; they are small next to a frame.
  return {
    perKeyMs: ((task1 - task0) * 1000) / KEYS.length,
    framesPerKey: (frame1 - frame0) / KEYS.length,
    frameMs: median(frames.map(([, ms]) => ms)),
    ownFrameMs: median(firstOfWake.map(([, ms]) => ms)),
  };
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

async function main() {
  if (!fs.existsSync(SWAGGER_DIR)) throw new Error('swagger-ui-dist is missing: run "make bench-page" (it runs npm ci in bench/page)');
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const loads = [];
    for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(browser, server));
    const { files } = loads[0];

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(timeFrames);
    const page = await context.newPage();
    const admin = new AdminPage(page, server);
    await page.goto(server.url + '/');
    await admin.waitForApp();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const quiet = await idle(admin, cdp);
    const typing = await keystrokes(admin, cdp);
    await context.close();

    const swagger = swaggerBytes();
    const ours = { raw: files.reduce((n, f) => n + f.raw, 0), gzip: files.reduce((n, f) => n + f.wire, 0) };
    const theirs = { raw: swagger.files.reduce((n, f) => n + f.raw, 0), gzip: swagger.files.reduce((n, f) => n + f.gzip, 0) };
    const ratio = (a, b) => (a / b).toFixed(2);

    console.log('invitekit admin page, as loaded by headless Chromium from serve.py (empty cache)\n');
    console.log(table([
      ['file', 'kind', 'raw (decoded)', 'over the wire', 'encoding'],
      ...files.map((f) => [f.name, f.kind, kb(f.raw), kb(f.wire), f.encoding]),
    ]));
    console.log(`\nSwagger UI ${swagger.version} (swagger-ui-dist from npm), gzip level ${GZIP_LEVEL} with node's zlib\n`);
    console.log(table([
      ['file', 'raw', 'gzip'],
      ...swagger.files.map((f) => [f.name, kb(f.raw), kb(f.gzip)]),
    ]));
    const readies = loads.map((l) => l.readyMs);
    console.log('\n' + table([
      ['figure', 'invitekit', `Swagger UI ${swagger.version}`, 'ours/theirs', 'goal (issue 6)'],
      ['bytes, HTML+JS+WASM+CSS, raw', kb(ours.raw), kb(theirs.raw), ratio(ours.raw, theirs.raw), ''],
      ['bytes, HTML+JS+WASM+CSS, gzip', kb(ours.gzip), kb(theirs.gzip), ratio(ours.gzip, theirs.gzip), '≤ 300 KB'],
      [`first whole frame (navigation → invitekit-ready), median of ${LOADS}`, `${(median(readies) / 1000).toFixed(2)} s`, '—', '', '≤ 1 s'],
      [`frames drawn in ${IDLE_MS / 1000} idle seconds`, String(quiet.frames), '—', '', '0 (caret aside)'],
      [`main-thread task time in ${IDLE_MS / 1000} idle seconds`, `${quiet.taskMs.toFixed(1)} ms`, '—', '', ''],
      [`main-thread time per keystroke (${KEYS.length} keys)`, `${typing.perKeyMs.toFixed(2)} ms`, '—', '', '≤ 4 ms'],
      ['frames per keystroke', typing.framesPerKey.toFixed(1), '—', '', ''],
      ['main-thread time per frame while typing, median', `${typing.frameMs.toFixed(1)} ms`, '—', '', ''],
      ['  the same, first frame of a key after 1 s of quiet (the app\'s own work)', `${typing.ownFrameMs.toFixed(1)} ms`, '—', '', ''],
    ]));
    console.log(`\nfirst frame per load: ${readies.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')}.` +
                '\nWebGL runs on SwiftShader (the CPU) here: any call that waits for the GPU process waits for the' +
                '\nsoftware rasterizer to finish what was queued, and that wait counts as main-thread time.');
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
