// invitekit send: one invite, or a table of people, sent to an endpoint with the batch rules of
// src/send_policy.h (kit.nextStep): a concurrency limit, 429 waits that hold back the whole
// batch, bounded retries with backoff for 5xx and failed connections, a 401 that stops it.
//
// The results file is a journal first: every row's "sending" and its outcome are appended as CSV
// lines the moment they happen, so a run killed at any point leaves a file a second run can
// trust. At the end (or on Ctrl-C, once the sends in flight are answered) the file is rewritten
// with one line per row, its latest state. A second run with the same file skips what is done
// (succeeded, already, partial), tries failed rows again, and leaves rows that were in flight
// when the first run died ("unknown": they may or may not have arrived) alone unless
// --resend-unknown: an email invite sent twice sends two emails.
'use strict';

const fs = require('node:fs');

const RESULT_COLUMNS = ['row', 'email', 'state', 'status', 'message', 'user_id', 'invite_id', 'attempts', 'invite'];
const DONE = new Set(['succeeded', 'already', 'partial']);

// The latest state of each invite in a results file, by its body's JSON text; "sending" with no
// outcome after it means the run stopped while it was in flight: "unknown".
function readResults(kit, file) {
  const known = new Map();
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e.code === 'ENOENT') return known;
    throw e;
  }
  const table = kit.readTable(text);
  const at = Object.fromEntries(table.header.map((name, i) => [name, i]));
  if (at.invite === undefined || at.state === undefined) {
    throw new Error(`${file} is not an invitekit results file (no "invite" and "state" columns)`);
  }
  for (const { cells } of table.rows) {
    const record = Object.fromEntries(RESULT_COLUMNS.map((name) => [name, cells[at[name]] ?? '']));
    if (record.state === 'sending') record.state = 'unknown';
    if (record.state === 'waiting') record.state = 'failed';  // the run stopped before trying again
    known.set(record.invite, record);
  }
  return known;
}

class ResultsFile {
  constructor(kit, file) {
    this.kit = kit;
    this.file = file;
    this.latest = new Map();  // invite → record
    if (!file) return;
    if (!fs.existsSync(file)) fs.writeFileSync(file, kit.tableLine(RESULT_COLUMNS));
    this.fd = fs.openSync(file, 'a');
  }

  // Written at once (to the system, which keeps it if this process dies): what a later run reads.
  record(r) {
    this.latest.set(r.invite, r);
    if (this.fd !== undefined) fs.writeSync(this.fd, this.kit.tableLine(RESULT_COLUMNS.map((name) => r[name] ?? '')));
  }

  // One line per invite, its latest state; written aside, then moved over the journal.
  compact(previous) {
    if (!this.file) return;
    fs.closeSync(this.fd);
    const all = new Map([...previous, ...this.latest]);
    let text = this.kit.tableLine(RESULT_COLUMNS);
    const final = { sending: 'unknown', waiting: 'failed' };  // stopped in flight, or before a retry
    for (const r of all.values()) {
      text += this.kit.tableLine(RESULT_COLUMNS.map((name) => (name === 'state' ? final[r.state] ?? r.state : r[name] ?? '')));
    }
    fs.writeFileSync(`${this.file}.tmp`, text);
    fs.renameSync(`${this.file}.tmp`, this.file);
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Sends every row, at most `concurrency` at once. rows: [{line, body, email, invite}].
async function sendRows(kit, id, rows, options, results, progress) {
  const { baseUrl, credentials, concurrency, timeoutMs } = options;
  let next = 0;          // rows[next] is the next row not sent yet
  const delayed = [];    // rows to try again, each not before its notBefore (few at any time)
  let inFlight = 0;
  let resumeAt = 0;      // a 429 holds the whole batch back until then
  let stopped = null;    // why the batch stopped (401, Ctrl-C)
  const counts = { succeeded: 0, already: 0, partial: 0, failed: 0 };
  progress.start(rows.length);

  const interrupt = () => { stopped = stopped ?? 'interrupted: the sends in flight were answered first'; };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  // A row whose retry is due first, else the next fresh one.
  function take(now) {
    const due = delayed.findIndex((r) => r.notBefore <= now);
    if (due >= 0) return delayed.splice(due, 1)[0];
    return next < rows.length ? { ...rows[next++], attempt: 0, throttled: 0 } : null;
  }

  async function send(row) {
    row.attempt += 1;
    const built = kit.buildRequest(id, row.body, { baseUrl, credentials });
    if (!built.ok) {  // a row validate() accepted can only fail here on its credentials or URL
      stopped = built.errors.map((e) => e.message).join(' ');
      row.attempt -= 1;
      delayed.push(row);  // not sent: it counts among the rows left
      return;
    }
    const base = { row: row.line, email: row.email, attempts: row.attempt, invite: row.invite };
    results.record({ ...base, state: 'sending' });
    let step;
    // A timer cleared with the answer (AbortSignal.timeout's would live on for the whole timeout,
    // thousands of them in a big table).
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    // The policy's try number, as the page counts it: for a 429, how many 429s in a row (its own
    // backoff); for anything else, the tries no 429 answered, so a 5xx's bounded retries are the row's own.
    const tryNumber = (status) => (status === 429 ? ++row.throttled : row.attempt - row.throttled);
    let response = null;
    try {
      response = await fetch(built.request.url, {
        method: built.request.method,
        headers: built.request.headers,
        body: built.request.body,
        signal: abort.signal,
      });
      const body = await response.text();
      step = kit.nextStep(id, { status: response.status, headers: response.headers, body, request: built.request.body },
                          tryNumber(response.status));
    } catch {
      // No answer, or one cut off after its status: that may have been a success (nextStep says unknown).
      step = response === null
        ? kit.nextStep(id, null, tryNumber(0))
        : kit.nextStep(id, { status: response.status, headers: response.headers, body: '', request: built.request.body,
                             cutOff: true }, tryNumber(response.status));
    } finally {
      clearTimeout(timer);
    }
    const reading = step.reading ?? {};
    const outcome = { ...base, state: step.state, status: reading.status ?? '', message: step.reason };
    if (step.state === 'waiting') {
      row.notBefore = Date.now() + step.delayMs;
      if (step.pauseBatch) resumeAt = Math.max(resumeAt, row.notBefore);
      delayed.push(row);
      results.record(outcome);
      progress.retry(row, step);
      return;
    }
    results.record({ ...outcome, user_id: reading.userId ?? '', invite_id: reading.inviteId ?? '' });
    counts[step.state] = (counts[step.state] ?? 0) + 1;
    progress.done(row, step, counts);
    if (step.stopBatch) stopped = step.reason;
  }

  async function worker() {
    while (!stopped) {
      const now = Date.now();
      if (resumeAt > now) {
        progress.waiting(resumeAt - now);
        await sleep(Math.min(resumeAt - now, 250));
        continue;
      }
      const row = take(now);
      if (row === null) {
        if (delayed.length === 0 && inFlight === 0) return;
        await sleep(50);  // a retry not due yet, or one that may come back from another send
        continue;
      }
      inFlight += 1;
      try {
        await send(row);
      } finally {
        inFlight -= 1;
      }
    }
  }

  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  process.removeListener('SIGINT', interrupt);
  process.removeListener('SIGTERM', interrupt);
  progress.end();
  return { counts, stopped, left: rows.length - next + delayed.length };
}

// A progress line rewritten in place on a terminal; plain lines otherwise.
function makeProgress(stream) {
  const tty = Boolean(stream.isTTY);
  let total = 0, finished = 0, started = 0, note = '';
  let counts = {};
  const line = () => {
    const rate = finished / Math.max(1, (Date.now() - started) / 1000);
    const left = total - finished;
    const eta = rate > 0 && left > 0 ? ` · ~${Math.ceil(left / rate)} s left` : '';
    return `sent ${finished}/${total} · ${counts.succeeded ?? 0} succeeded · ${counts.already ?? 0} already had access · ` +
      `${counts.failed ?? 0} failed · ${left} waiting${eta}${note ? ` · ${note}` : ''}`;
  };
  const draw = () => { if (tty) stream.write(`\r\x1b[K${line()}`); };
  return {
    start(n) { total = n; started = Date.now(); draw(); },
    waiting(ms) { note = `waiting ${Math.ceil(ms / 1000)} s for the server`; draw(); },
    retry(row, step) {
      note = step.pauseBatch ? 'the server asked to slow down' : '';
      if (!tty) stream.write(`row ${row.line}: ${step.reason}\n`);
      draw();
    },
    done(row, step, c) {
      finished += 1;
      counts = c;
      note = '';
      if (!tty) stream.write(`row ${row.line}: ${step.state}${step.reading ? ` (${step.reading.status})` : ''}: ${step.reason}\n`);
      draw();
    },
    end() { if (tty) stream.write(`\r\x1b[K${line()}\n`); },
  };
}

module.exports = { readResults, ResultsFile, sendRows, makeProgress, DONE };
