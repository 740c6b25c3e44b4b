// Refuses to pack a package whose built files are missing (run `make wasm` from the root first).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).files;
const missing = files.filter((f) => !existsSync(join(root, f)));
if (missing.length) {
  console.error(`invitekit: not built, missing ${missing.join(', ')}: run \`make wasm\` in the repository root`);
  process.exit(1);
}
