// invitekit for browsers, workers and bundlers: the ES module build, which finds
// invitekit-web.wasm next to itself (new URL(…, import.meta.url)).
import loadModule from './dist/invitekit-web.js';
import { createApi } from './dist/api.js';

export const createInviteKit = createApi(loadModule);
