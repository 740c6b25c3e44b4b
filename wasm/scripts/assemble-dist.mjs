// Fills wasm/dist after the two Emscripten links (run by wasm/CMakeLists.txt):
//   invitekit-node.cjs/.wasm   the Node build (renamed .cjs: the package is "type": "module")
//   invitekit-web.js/.wasm     the browser build
//   api.js, api.cjs            lib/api.js as an ES module and as CommonJS (Node 20 cannot
//                              require() an ES module)
//   index.d.cts                index.d.ts again, the types for require() users
// Every .js is minified with terser (names mangled; emcc 3.1.6 only strips whitespace): the
// package's size is a product goal. lib/api.js keeps to a shape that makes the CommonJS copy a
// plain text edit: no imports, and one export statement, its last line; anything else fails.
//
// usage: node assemble-dist.mjs <directory of the emcc outputs> <dist directory>
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let minify;
try {
  ({ minify } = await import('terser'));
} catch {
  console.error('assemble-dist: terser is missing: run `make npm-deps` (npm ci in wasm/)');
  process.exit(1);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [built, dist] = process.argv.slice(2);
if (!built || !dist) {
  console.error('usage: node assemble-dist.mjs <emcc output directory> <dist directory>');
  process.exit(2);
}
mkdirSync(dist, { recursive: true });

async function write(name, code, module) {
  const out = await minify(code, { module, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  writeFileSync(join(dist, name), out.code);
}

const api = readFileSync(join(root, 'lib/api.js'), 'utf8');
const lastLine = /\nexport \{ ([\w, ]+) \};\n$/;
const m = api.match(lastLine);
if (!m || /^\s*(import|export)\b/m.test(api.replace(lastLine, '\n'))) {
  console.error('assemble-dist: lib/api.js must have no imports and end with one `export { … };` line');
  process.exit(1);
}

await write('api.js', api, true);
await write('api.cjs', `'use strict';\n${api.replace(lastLine, `\nmodule.exports = { ${m[1]} };\n`)}`, false);
await write('invitekit-node.cjs', readFileSync(join(built, 'invitekit-node.js'), 'utf8'), false);
await write('invitekit-web.js', readFileSync(join(built, 'invitekit-web.js'), 'utf8'), true);
for (const wasm of ['invitekit-node.wasm', 'invitekit-web.wasm']) copyFileSync(join(built, wasm), join(dist, wasm));
writeFileSync(join(dist, 'index.d.cts'), readFileSync(join(root, 'index.d.ts'), 'utf8'));
