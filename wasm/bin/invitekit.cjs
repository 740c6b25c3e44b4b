#!/usr/bin/env node
// invitekit CLI: check an invite body, print the HTTP request it makes as a curl command, or send
// it — one body, or a table of people (bin/send.cjs).
// Exit status: 0 valid (sent), 1 invalid (some rows failed or were invalid), 2 usage error.
'use strict';

const fs = require('node:fs');
const { createInviteKit } = require('../index.cjs');
const { readResults, ResultsFile, sendRows, makeProgress, DONE } = require('./send.cjs');

const USAGE = `usage:
  invitekit validate <endpoint> [file|-]
  invitekit request <endpoint> [file|-] [--base-url URL]
                    [--api-key KEY | --bearer TOKEN --session TOKEN] [--show-secrets]
  invitekit send <endpoint> [file|-] [--csv] [--base-url URL] [credentials as for request]
                 [--set FIELD=VALUE]... [--concurrency N] [--results FILE] [--resend-unknown]
                 [--timeout SECONDS]
  invitekit endpoints
  invitekit --help

validate  checks the invite body (JSON, from the file or standard input) and prints each
          error as "path: message"; warnings go to standard error.
request   prints the HTTP request for the body as a curl command. Secrets are shown as
          <redacted> unless --show-secrets. Credentials may also come from the environment:
          INVITEKIT_API_KEY, INVITEKIT_BEARER_TOKEN, INVITEKIT_SESSION_TOKEN.
          Without --base-url the request goes to the documentation's server.
send      sends the invite, or with --csv (or a .csv/.tsv file) every row of a table of people: a
          header naming the fields (Email, First name, …; any spelling the form's labels use)
          and one person per line, CSV or a spreadsheet's tab-separated text. Rows with
          mistakes are listed and not sent. --set gives a field one value for every row
          (--set /role=viewer). At most --concurrency sends at once (4); a server that asks to
          slow down (429) is waited for, 5xx and lost connections are tried again, a 401
          stops. Progress shows on a terminal, one line per row otherwise.
          --results FILE records every row's outcome as it happens; run again with the same
          file and rows already done are skipped, failed ones tried again, and rows that were
          being sent when a run stopped ("unknown": they may have arrived) are left alone
          unless --resend-unknown. Secrets are never written to it.
endpoints lists the endpoint ids.

exit status: 0 valid (sent), 1 invalid (some rows failed, were invalid or unknown),
             2 usage error or unreadable input`;

class UsageError extends Error {}

function positiveInteger(name, v) {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} takes a whole number of 1 or more, not ${v}`);
  return n;
}

function parseArgs(argv) {
  const options = { positional: [], showSecrets: false, credentials: {}, constants: {}, concurrency: 4, timeout: 30 };
  const flags = { '--show-secrets': 'showSecrets', '--csv': 'csv', '--resend-unknown': 'resendUnknown' };
  const valued = {
    '--results': (v) => { options.results = v; },
    '--concurrency': (v) => { options.concurrency = positiveInteger('--concurrency', v); },
    '--timeout': (v) => { options.timeout = positiveInteger('--timeout', v); },
    '--set': (v) => {
      const eq = v.indexOf('=');
      if (eq < 1 || !v.startsWith('/')) throw new UsageError(`--set takes /field=value (for example /role=viewer), not ${v}`);
      options.constants[v.slice(0, eq)] = v.slice(eq + 1);
    },
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
    } else if (flags[name]) {
      options[flags[name]] = true;
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
  if (!['validate', 'request', 'send'].includes(command)) throw new UsageError(`unknown command ${command}`);
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
  if (command === 'send') return send(kit, id, body, file, options, credentials);
  const r = kit.buildRequest(id, body, { baseUrl: options.baseUrl, credentials });
  printIssues(r);
  if (!r.ok) return 1;
  process.stdout.write(curl(r.request, endpoint, options.showSecrets));
  if (!options.showSecrets) process.stderr.write('(secrets redacted; --show-secrets prints them)\n');
  return 0;
}

// The rows to send: the table's (or the one body's), each with its key in the results file.
function rowsOf(kit, id, text, file, options) {
  const table = options.csv || /\.(csv|tsv)$/i.test(file ?? '');
  if (!table) {
    const r = kit.validate(id, text);
    printIssues(r);
    const body = r.valid ? r.value : null;
    const rows = r.valid ? [{ line: 1, body, email: String(body.email ?? ''), invite: JSON.stringify(body) }] : [];
    return { rows, invalid: r.valid ? [] : [{ line: 1, email: '', message: r.errors.map((e) => e.message).join(' '), invite: text }], total: 1 };
  }
  const t = kit.readInviteTable(id, text, { constants: options.constants });
  for (const e of t.errors) process.stdout.write(`(table): ${e.message}\n`);
  for (const w of t.warnings) process.stderr.write(`warning: ${w.message}\n`);
  const rows = [], invalid = t.errors.map((e) => ({ line: '', email: '', message: e.message, invite: '' }));
  for (const row of t.rows) {
    for (const e of row.errors) process.stdout.write(`row ${row.line}: ${where(e.path)}: ${e.message}\n`);
    for (const w of row.warnings) process.stderr.write(`warning: row ${row.line}: ${where(w.path)}: ${w.message}\n`);
    const invite = { line: row.line, email: String(row.body.email ?? ''), invite: JSON.stringify(row.body) };
    if (row.valid) rows.push({ ...invite, body: row.body });
    else invalid.push({ ...invite, message: row.errors.map((e) => `${where(e.path)}: ${e.message}`).join(' ') });
  }
  return { rows, invalid, total: t.rows.length };
}

async function send(kit, id, text, file, options, credentials) {
  const { rows, invalid, total } = rowsOf(kit, id, text, file, options);
  const previous = options.results ? readResults(kit, options.results) : new Map();
  const results = new ResultsFile(kit, options.results);
  for (const r of invalid) results.record({ row: r.line, email: r.email, state: 'invalid', message: r.message, invite: r.invite });
  let done = 0, unknown = 0;
  const toSend = rows.filter((row) => {
    const before = previous.get(row.invite);
    if (before && DONE.has(before.state)) return (done += 1, false);
    if (before && before.state === 'unknown' && !options.resendUnknown) return (unknown += 1, false);
    return true;
  });
  if (done || unknown) {
    process.stderr.write(`${options.results}: ${done} row(s) already done, skipped` +
      (unknown ? `; ${unknown} row(s) were being sent when a run stopped and may have arrived: not sent again (--resend-unknown sends them)` : '') + '\n');
  }
  const run = await sendRows(kit, id, toSend, {
    baseUrl: options.baseUrl, credentials, concurrency: options.concurrency, timeoutMs: options.timeout * 1000,
  }, results, makeProgress(process.stderr));
  results.compact(previous);
  const c = run.counts;
  process.stdout.write(`${c.succeeded} succeeded, ${c.already} already had access, ${c.partial} partly succeeded, ` +
    `${c.failed} failed, ${invalid.length} invalid, ${unknown} unknown, ${done} done before; ${total} in all\n`);
  if (run.stopped) process.stderr.write(`stopped: ${run.stopped} (${run.left} row(s) not sent)\n`);
  const allDone = c.failed === 0 && invalid.length === 0 && unknown === 0 && run.left === 0 && !run.stopped;
  return allDone ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (status) => { process.exitCode = status; },
  (e) => {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`invitekit: ${e.message}\n`);
    if (!e.input) process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
  });
