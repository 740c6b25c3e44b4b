// Finishes wasm/dist after the two Emscripten links (run by wasm/CMakeLists.txt):
//   dist/api.cjs      lib/api.js as CommonJS, for index.cjs (Node 20 cannot require() an ES module)
//   dist/index.d.cts  index.d.ts again, the types for require() users
// lib/api.js keeps to a shape that makes the first a plain text edit: no imports, and exactly
// one export statement, its last line. Anything else fails the build rather than guessing.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.argv[2] || join(root, 'dist');

const api = readFileSync(join(root, 'lib/api.js'), 'utf8');
const lastLine = /\nexport \{ ([\w, ]+) \};\n$/;
const m = api.match(lastLine);
if (!m || /^\s*(import|export)\b/m.test(api.replace(lastLine, '\n'))) {
  console.error('assemble-dist: lib/api.js must have no imports and end with one `export { … };` line');
  process.exit(1);
}
writeFileSync(join(dist, 'api.cjs'),
  `'use strict';\n// Generated from lib/api.js by scripts/assemble-dist.mjs. Do not edit.\n` +
  api.replace(lastLine, `\nmodule.exports = { ${m[1]} };\n`));
writeFileSync(join(dist, 'index.d.cts'), readFileSync(join(root, 'index.d.ts'), 'utf8'));
