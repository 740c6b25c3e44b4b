#!/usr/bin/env node
// invitekit CLI: check an invite body, or print the HTTP request it makes as a curl command.
// Exit status: 0 valid, 1 invalid, 2 usage error or unreadable input.
'use strict';

const fs = require('node:fs');
const { createInviteKit } = require('../index.cjs');

const USAGE = `usage:
  invitekit validate <endpoint> [file|-]
  invitekit request <endpoint> [file|-] [--base-url URL]
                    [--api-key KEY | --bearer TOKEN --session TOKEN] [--show-secrets]
  invitekit endpoints
  invitekit --help

validate  checks the invite body (JSON, from the file or standard input) and prints each
          error as "path: message"; warnings go to standard error.
request   prints the HTTP request for the body as a curl command. Secrets are shown as
          <redacted> unless --show-secrets. Credentials may also come from the environment:
          INVITEKIT_API_KEY, INVITEKIT_BEARER_TOKEN, INVITEKIT_SESSION_TOKEN.
          Without --base-url the request goes to the documentation's server.
endpoints lists the endpoint ids.

exit status: 0 valid, 1 invalid, 2 usage error or unreadable input`;

class UsageError extends Error {}

function parseArgs(argv) {
  const options = { positional: [], showSecrets: false, credentials: {} };
  const valued = {
    '--base-url': (v) => { options.baseUrl = v; },
    '--api-key': (v) => { options.credentials.apiKey = v; },
    '--bearer': (v) => { options.credentials.bearerToken = v; },
    '--session': (v) => { options.credentials.sessionToken = v; },
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (name === '--help' || name === '-h') {
      options.help = true;
    } else if (name === '--show-secrets') {
      options.showSecrets = true;
    } else if (valued[name]) {
      let value;
      if (eq > 0 && name !== arg) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      else throw new UsageError(`${name} needs a value`);
      valued[name](value);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      options.positional.push(arg);
    }
  }
  return options;
}

function readBody(file) {
  if (file === undefined || file === '-') {
    if (process.stdin.isTTY) throw new UsageError('no body: give a file, or pipe the JSON into standard input');
    return fs.readFileSync(0, 'utf8');
  }
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const err = new UsageError(`cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
    err.input = true;
    throw err;
  }
}

const shellQuote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
const where = (path) => (path === '' ? '(body)' : path);

function printIssues(result) {
  for (const e of result.errors) process.stdout.write(`${where(e.path)}: ${e.message}\n`);
  for (const w of result.warnings) process.stderr.write(`warning: ${where(w.path)}: ${w.message}\n`);
}

// The request as a curl command; credential headers show <redacted> in place of the secret.
function curl(request, endpoint, showSecrets) {
  const secretHeaders = new Map(endpoint.auth.credentials.map((c) => [c.header.toLowerCase(), c]));
  const lines = [`curl -X ${request.method} ${shellQuote(request.url)}`];
  for (const [name, value] of request.headers) {
    const credential = secretHeaders.get(name.toLowerCase());
    const shown = credential && !showSecrets ? credential.format.replace('{value}', '<redacted>') : value;
    lines.push(`-H ${shellQuote(`${name}: ${shown}`)}`);
  }
  lines.push(`--data-raw ${shellQuote(request.body)}`);
  return lines.join(' \\\n  ') + '\n';
}

async function main(argv) {
  const options = parseArgs(argv);
  const [command, id, file, ...extra] = options.positional;
  if (options.help || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (command === undefined) throw new UsageError('no command');
  const kit = await createInviteKit();
  const endpoints = kit.endpoints();
  if (command === 'endpoints') {
    for (const e of endpoints) process.stdout.write(`${e.id}\t${e.method} ${e.path}\t${e.title}\n`);
    return 0;
  }
  if (command !== 'validate' && command !== 'request') throw new UsageError(`unknown command ${command}`);
  if (extra.length) throw new UsageError(`unexpected ${extra.join(' ')}`);
  const endpoint = endpoints.find((e) => e.id === id);
  if (!endpoint) {
    process.stderr.write(`${id === undefined ? 'no endpoint given' : `unknown endpoint ${id}`}; the endpoints are:\n`);
    for (const e of endpoints) process.stderr.write(`  ${e.id}\n`);
    return 2;
  }
  const body = readBody(file);

  if (command === 'validate') {
    const r = kit.validate(id, body);
    printIssues(r);
    if (r.valid) process.stdout.write('valid\n');
    return r.valid ? 0 : 1;
  }

  const env = process.env;
  const credentials = {
    apiKey: options.credentials.apiKey ?? env.INVITEKIT_API_KEY,
    bearerToken: options.credentials.bearerToken ?? env.INVITEKIT_BEARER_TOKEN,
    sessionToken: options.credentials.sessionToken ?? env.INVITEKIT_SESSION_TOKEN,
  };
  const r = kit.buildRequest(id, body, { baseUrl: options.baseUrl, credentials });
  printIssues(r);
  if (!r.ok) return 1;
  process.stdout.write(curl(r.request, endpoint, options.showSecrets));
  if (!options.showSecrets) process.stderr.write('(secrets redacted; --show-secrets prints them)\n');
  return 0;
}

main(process.argv.slice(2)).then(
  (status) => { process.exitCode = status; },
  (e) => {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`invitekit: ${e.message}\n`);
    if (!e.input) process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
  });
