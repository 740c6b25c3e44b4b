// make size-npm: what a browser downloads for invitekit, next to @cfworker/json-schema (the
// validator that runs under the same strict Content-Security-Policy) and ajv + ajv-formats (raw
// and gzip -9). A report, not a test. Goal: ours <= 80 KB gzip, all endpoints included. The
// .wasm is built -Oz: -O2 measured 97 KB gzip for the .wasm alone (see wasm/CMakeLists.txt).
//   invitekit files     the package's browser files as shipped (index.browser.js, dist/api.js,
//                       dist/invitekit-web.js, dist/invitekit-web.wasm)
//   invitekit bundled   a user's esbuild --bundle --minify of `import { createInviteKit } from
//                       'invitekit'`, plus the .wasm
//   cfworker bundled    the same for @cfworker/json-schema (new Validator + validate)
//   ajv bundled         the same for ajv + ajv-formats (compile + validate, as the benchmark uses)
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

function line(name, parts) {
  const raw = parts.reduce((a, p) => a + p.length, 0);
  const gzip = parts.reduce((a, p) => a + gz(p), 0);
  console.log(`${name.padEnd(34)} raw ${kb(raw)}   gzip ${kb(gzip)}`);
  return gzip;
}

async function bundle(source) {
  const dir = mkdtempSync(join(tmpdir(), 'invitekit-size-'));
  try {
    const entry = join(dir, 'entry.js');
    writeFileSync(entry, source);
    const out = await build({
      entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser',
      write: false, logLevel: 'silent', nodePaths: [join(root, 'node_modules')],
      alias: { invitekit: join(root, 'index.browser.js') },
    });
    return Buffer.from(out.outputFiles[0].contents);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const file = (name) => readFileSync(join(root, name));
const wasm = file('dist/invitekit-web.wasm');

console.log('size of what a browser loads (gzip -9 per file, summed)');
for (const name of ['index.browser.js', 'dist/api.js', 'dist/invitekit-web.js', 'dist/invitekit-web.wasm']) {
  line(`  ${name}`, [file(name)]);
}
const files = line('invitekit files (JS + WASM)',
  ['index.browser.js', 'dist/api.js', 'dist/invitekit-web.js'].map(file).concat([wasm]));
const ours = line('invitekit bundled (JS + WASM)', [
  await bundle("import { createInviteKit } from 'invitekit'; export const kit = createInviteKit();"), wasm]);
const cfworker = line('@cfworker/json-schema bundled', [await bundle(
  "import { Validator } from '@cfworker/json-schema';" +
  "export function make(schema) { const v = new Validator(schema, '7', false); return (x) => v.validate(x); }")]);
const ajv = line('ajv + ajv-formats bundled', [await bundle(
  "import Ajv from 'ajv'; import addFormats from 'ajv-formats';" +
  'export function make(schema) { const ajv = new Ajv({ allErrors: true, strict: false }); addFormats(ajv); return ajv.compile(schema); }')]);
console.log(`goal: invitekit <= 80 KB gzip: ${Math.max(files, ours) <= 80 * 1024 ? 'met' : 'NOT met'} ` +
  `(files ${kb(files).trim()}, bundled ${kb(ours).trim()}); ${(ours / ajv).toFixed(2)}x ajv's bytes; ` +
  `ratio=${(ours / cfworker).toFixed(2)} (ours/cfworker bytes)`);
