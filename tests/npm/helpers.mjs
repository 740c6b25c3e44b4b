// Shared by the tests/npm suites: where the package and the shared vectors are, and one kit.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const packageDir = join(repo, 'wasm');
// INVITEKIT_VECTORS: another vectors directory (e.g. a core worktree's, before it is merged).
export const vectorsDir = process.env.INVITEKIT_VECTORS || join(repo, 'tests', 'vectors');

export function vectors(name) {
  return JSON.parse(readFileSync(join(vectorsDir, `${name}.json`), 'utf8'));
}

// Issues reduced to what the vectors assert: path and code (and message where a row gives one).
export function brief(issues, withMessages) {
  return issues.map((i, n) =>
    withMessages && withMessages[n] && 'message' in withMessages[n]
      ? { path: i.path, code: i.code, message: i.message }
      : { path: i.path, code: i.code });
}

export { createInviteKit } from '../../wasm/index.js';
