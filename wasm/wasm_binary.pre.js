// Node build only: hand the loader the .wasm bytes that sit next to this script. Emscripten
// 3.1.6 would otherwise fetch() the file path with Node's global fetch, which fails.
if (!Module['wasmBinary'] && !Module['instantiateWasm']) {
  Module['wasmBinary'] = require('fs').readFileSync(require('path').join(__dirname, 'invitekit-node.wasm'));
}
