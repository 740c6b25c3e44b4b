// invitekit for Node, as an ES module: the CommonJS WebAssembly build loaded with createRequire
// (Emscripten 3.1.6's ES module output only runs in browsers and bundlers).
import { createRequire } from 'node:module';
import { createApi } from './dist/api.js';

const require = createRequire(import.meta.url);

export const createInviteKit = createApi(require('./dist/invitekit-node.cjs'));
