// invitekit's JavaScript API over the WebAssembly core: createInviteKit() and the kit's methods.
//
// Shared by every entry point: the build writes it, minified, to dist/api.js (for index.js, Node
// ESM, and index.browser.js) and as CommonJS to dist/api.cjs (for index.cjs); see
// scripts/assemble-dist.mjs, which is why this file has no imports and one export, at the end.
//
// Division of labour: the core (C++) decides every error, path, code and message. This file
// only converts arguments (JS values to JSON text, through JSON.stringify, so an object and its
// JSON text give the same result), moves bytes in and out (see wasm/bindings.cpp for the
// protocol), and shapes results. Arguments of the wrong type (an endpoint id that is not a
// string, options that are not an object, ...) throw a TypeError; anything wrong with a body is
// an error in the result, as the core reports it.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// The core's limit on one body (json_limits::max_bytes). A longer string is not copied whole:
// its first MAX_BODY_BYTES + 1 bytes are enough for the core to report the "limit" error.
const MAX_BODY_BYTES = 1 << 20;

const VERDICT = 0xffffffff;  // output length of a fast-path verdict (see bindings.cpp)

function issue(code, message) {
  return { path: '', code, message };
}

// A body as JSON text, or an issue saying why it has none.
function toJsonText(body, stringsAreText) {
  if (typeof body === 'string' && stringsAreText) return body;
  if (body === undefined || typeof body === 'function' || typeof body === 'symbol') {
    return issue('json', 'There is no invite to check: pass an object or its JSON text.');
  }
  let text;
  try {
    text = JSON.stringify(body);
  } catch (e) {
    if (e instanceof RangeError) {
      // Too deep for the JS stack, or longer than a JS string may be: the core's "limit".
      return issue('limit', 'The invite is too large or too deeply nested to be checked.');
    }
    const why = /circular|cyclic/i.test(String(e && e.message))
      ? 'it refers to itself (a cycle)'
      : /bigint/i.test(String(e && e.message))
        ? 'it contains a BigInt, which JSON cannot represent (use a number or a string)'
        : `converting it failed (${e && e.message})`;
    return issue('json', `The invite cannot be written as JSON: ${why}.`);
  }
  if (text === undefined) {
    return issue('json', 'There is no invite to check: the value has no JSON form.');
  }
  return text;
}

// UTF-8 for a string with lone surrogates, which TextEncoder would silently replace with U+FFFD:
// each surrogate is written as its own 3-byte sequence (invalid UTF-8), so the core reports the
// exact place as a "json" error instead of validating text the caller never wrote.
function encodeWtf8(s, heap, at) {
  const start = at;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) {
      heap[at++] = c;
    } else if (c < 0x800) {
      heap[at++] = 0xc0 | (c >> 6);
      heap[at++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      heap[at++] = 0xe0 | (c >> 12);
      heap[at++] = 0x80 | ((c >> 6) & 63);
      heap[at++] = 0x80 | (c & 63);
    } else {
      heap[at++] = 0xf0 | (c >> 18);
      heap[at++] = 0x80 | ((c >> 12) & 63);
      heap[at++] = 0x80 | ((c >> 6) & 63);
      heap[at++] = 0x80 | (c & 63);
    }
  }
  return at - start;
}

const isWellFormed = typeof String.prototype.isWellFormed === 'function'
  ? (s) => s.isWellFormed()
  : (s) => !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''));

// The result of validate(): `value` (the body with defaults, parsed) is only parsed when read,
// so it is a getter, and what it is made from is kept under this module's own symbols: own
// string keys are valid, errors and warnings. Symbols rather than #private fields, so the getter
// also works through a Proxy (Vue's reactive(), MobX), which private fields refuse. JSON.stringify
// and console.log (Node's inspect) show `value` too; a spread ({...r}) does not (it copies the
// symbols, which are inert there).
// DEFAULTS, from a fast-path verdict: [[name, json], ...] the top-level object lacks, added after
// its own members as the core's value text has them.
const VALUE_TEXT = Symbol('valueText');
const DEFAULTS = Symbol('defaults');
const VALUE = Symbol('value');

class Validation {
  constructor(valid, errors, warnings, valueText, defaults) {
    this.valid = valid;
    this.errors = errors;
    this.warnings = warnings;
    this[VALUE_TEXT] = valueText;
    this[DEFAULTS] = defaults;
    this[VALUE] = undefined;
  }

  get value() {
    if (this[VALUE] === undefined) {
      const value = this[VALUE_TEXT] === null ? null : JSON.parse(this[VALUE_TEXT]);
      if (this[DEFAULTS] !== null) {
        for (const [name, json] of this[DEFAULTS]) {
          // As JSON.parse makes members: own, enumerable, even for "__proto__".
          Object.defineProperty(value, name, {
            value: JSON.parse(json), writable: true, enumerable: true, configurable: true,
          });
        }
      }
      this[VALUE] = value;
    }
    return this[VALUE];
  }

  toJSON() {
    return { valid: this.valid, errors: this.errors, warnings: this.warnings, value: this.value };
  }

  // Node's console.log and util.inspect: what the result says, value included (in place of this
  // object, so with the depth left at its place).
  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return options.stylize('[Validation]', 'special');
    return `Validation ${inspect(this.toJSON(), { ...options, depth })}`;
  }
}

function checkId(id) {
  if (typeof id !== 'string') {
    throw new TypeError(`invitekit: the endpoint id must be a string (one of kit.endpoints()), not ${typeof id}`);
  }
}

function optionalString(value, what) {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new TypeError(`invitekit: ${what} must be a string`);
  return value;
}

// [[name, value], ...] from a Headers object, an array of pairs or a plain object.
function headerPairs(headers) {
  if (headers === undefined || headers === null) return [];
  const pairs = [];
  if (typeof headers.forEach === 'function' && !Array.isArray(headers)) {
    headers.forEach((value, name) => pairs.push([String(name), String(value)]));  // Headers, Map
  } else if (Array.isArray(headers)) {
    for (const pair of headers) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new TypeError('invitekit: response.headers as an array must hold [name, value] pairs');
      }
      pairs.push([String(pair[0]), String(pair[1])]);
    }
  } else if (typeof headers === 'object') {
    for (const name of Object.keys(headers)) pairs.push([name, String(headers[name])]);
  } else {
    throw new TypeError('invitekit: response.headers must be a Headers object, an array of pairs or an object');
  }
  return pairs;
}

// A response or sent body as text: strings as they are, bytes decoded as UTF-8, other values
// as their JSON.
function responseText(body, what) {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    const bytes = body instanceof ArrayBuffer
      ? new Uint8Array(body)
      : new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    return decoder.decode(bytes);
  }
  const text = toJsonText(body, false);
  if (typeof text !== 'string') throw new TypeError(`invitekit: ${what}: ${text.message}`);
  return text;
}

// JSON Pointer ("/a/0/b") → Standard Schema path (["a", 0, "b"]); a token is a number where
// the value it indexes is an array.
function pointerToPath(pointer, value) {
  if (pointer === '') return [];
  const path = [];
  let node = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^(0|[1-9][0-9]*)$/.test(key)) {
      path.push(Number(key));
      node = node[Number(key)];
    } else {
      path.push(key);
      node = node !== null && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, key)
        ? node[key]
        : undefined;
    }
  }
  return path;
}

function makeKit(M) {
  const lengthAddress = M.outputLengthAddress();
  let inputAddress = 0;
  let inputCapacity = 0;
  let inputView = null;  // HEAPU8 over the input buffer; replaced when it or the memory moves
  let idInBuffer = null;  // the endpoint id the input buffer starts with, and its length
  let idLength = 0;

  function reserve(bytes) {
    if (bytes > inputCapacity) {
      inputCapacity = Math.max(bytes, inputCapacity * 2, 4096);
      inputAddress = M.inputBuffer(inputCapacity);
      inputView = null;
    }
  }

  function view() {
    // Growing the WebAssembly memory detaches the old buffer (byteLength 0).
    if (inputView === null || inputView.byteLength === 0) {
      inputView = M.HEAPU8.subarray(inputAddress, inputAddress + inputCapacity);
    }
    return inputView;
  }

  // Writes s into the input buffer at `at` and returns its byte length. maxBytes caps a string
  // that is longer than the core would accept anyway.
  // wellFormed: s is known to have no lone surrogate (JSON.stringify's output never has one).
  function writeString(s, at, maxBytes, wellFormed = false) {
    if (maxBytes !== undefined && s.length > maxBytes) {
      s = s.slice(0, maxBytes + 1);  // which may cut a surrogate pair in two
      wellFormed = false;
    }
    reserve(at + s.length * 3);
    if (wellFormed || isWellFormed(s)) {
      return encoder.encodeInto(s, at === 0 ? view() : view().subarray(at)).written;
    }
    return encodeWtf8(s, M.HEAPU8, inputAddress + at);
  }

  // Every call's arguments start with the endpoint id: written only when it changes.
  function writeId(id) {
    if (id !== idInBuffer) {
      idInBuffer = null;  // in case writing throws
      idLength = writeString(id, 0, undefined);
      idInBuffer = id;
    }
    return idLength;
  }

  function writeStrings(strings) {
    const lengths = new Array(strings.length);
    let at = (lengths[0] = writeId(strings[0]));
    for (let i = 1; i < strings.length; i++) {
      lengths[i] = writeString(strings[i], at, undefined);
      at += lengths[i];
    }
    return lengths;
  }

  function outputText(address) {
    const length = M.HEAPU32[lengthAddress >> 2];
    return decoder.decode(M.HEAPU8.subarray(address, address + length));
  }

  function outputJson(address) {
    return JSON.parse(outputText(address));
  }

  const endpointsText = outputText(M.endpointsJson());
  const endpointIds = JSON.parse(endpointsText).map((e) => e.id);

  // Each endpoint's fast-path table (bindings.cpp fast_table): its fixed issues as
  // [path, code, message] and its top-level defaults as [name, json].
  const fastTables = new Map();
  function fastTable(id) {
    let table = fastTables.get(id);
    if (table === undefined) {
      table = outputJson(M.fastTable(writeId(id)));
      fastTables.set(id, table);
    }
    return table;
  }

  // A fresh issue object for a rule of the table; index >= 0 names an element below its path.
  function ruleIssue(rules, rule, index) {
    const [path, code, message] = rules[rule];
    return { path: index < 0 ? path : `${path}/${index}`, code, message };
  }

  function verdictIssues(rules, words, at, count) {
    const issues = new Array(count);
    for (let i = 0; i < count; i++) issues[i] = ruleIssue(rules, words[at + 2 * i], words[at + 2 * i + 1]);
    return issues;
  }

  // The verdict's words (see bindings.cpp finish_verdict) as a Validation of `text`.
  function fromVerdict(id, address, text) {
    let words = M.HEAP32;
    const at = address >> 2;
    const valid = words[at] === 1;
    const mask = words[at + 1];
    const errorCount = words[at + 2];
    const warningCount = words[at + 3];
    let defaults = null;
    let errors = [];
    let warnings = [];
    if (mask !== 0 || errorCount !== 0 || warningCount !== 0) {
      const table = fastTable(id);
      words = M.HEAP32;  // fetching the table (once per endpoint) may have grown the memory
      if (mask !== 0) defaults = table.defaults.filter((_, i) => mask & (1 << i));
      errors = verdictIssues(table.rules, words, at + 4, errorCount);
      warnings = verdictIssues(table.rules, words, at + 4 + 2 * errorCount, warningCount);
    }
    return new Validation(valid, errors, warnings, text, defaults);
  }

  function validateText(id, text, wellFormed) {
    // A catalog id goes as its index; any other id is written after the body, for the core to
    // name it in its error.
    const index = endpointIds.indexOf(id);
    idInBuffer = null;  // the body takes its place
    const bodyLength = writeString(text, 0, MAX_BODY_BYTES, wellFormed);
    const idLength = index < 0 ? writeString(id, bodyLength, undefined) : 0;
    const address = M._invitekit_validate(index >>> 0, bodyLength, idLength);
    const length = M.HEAPU32[lengthAddress >> 2];
    if (length === VERDICT) return fromVerdict(id, address, text);
    const out = outputText(address);
    let end = out.indexOf('\n');  // see bindings.cpp: the result, a newline, the value
    if (end < 0) end = out.length;
    const r = JSON.parse(out.slice(0, end));
    return new Validation(r.valid, r.errors, r.warnings, end + 1 < out.length ? out.slice(end + 1) : null, null);
  }

  function validate(id, body) {
    checkId(id);
    const text = toJsonText(body, true);
    if (typeof text !== 'string') return new Validation(false, [text], [], null, null);
    return validateText(id, text, text !== body);  // not the caller's own text: stringify's
  }

  function validateMany(id, bodies) {
    checkId(id);
    const idBytes = writeId(id);
    let count;
    let at = idBytes;
    let sent = null;  // array mode: index in `bodies` of each body sent to the core
    const failed = [];  // array mode: [index, issue] for bodies that have no JSON text
    if (typeof bodies === 'string') {
      count = -1;
      at += writeString(bodies, at, undefined);
    } else if (Array.isArray(bodies)) {
      sent = [];
      const lengths = [];
      for (let i = 0; i < bodies.length; i++) {
        const text = toJsonText(bodies[i], true);
        if (typeof text !== 'string') {
          failed.push([i, text]);
          continue;
        }
        const length = writeString(text, at, MAX_BODY_BYTES, text !== bodies[i]);
        at += length;
        lengths.push(length);
        sent.push(i);
      }
      count = lengths.length;
      const table = (at + 3) & ~3;
      reserve(table + 4 * count);
      M.HEAPU32.set(lengths, (inputAddress + table) >> 2);
    } else {
      throw new TypeError('invitekit: validateMany takes an array of bodies or NDJSON text');
    }
    const r = outputJson(M._invitekit_validate_many(idBytes, at - idBytes, count));
    const total = sent ? bodies.length : r.validCount + r.invalidCount;
    const items = new Array(total);
    for (const [index, errors, warnings] of r.items) {
      const at = sent ? sent[index] : index;
      items[at] = { index: at, valid: errors.length === 0, errors, warnings };
    }
    // The fast path's items, as words (see bindings.cpp validate_many).
    const [address, length] = r.fast;
    if (length > 0) {
      const rules = fastTable(id).rules;
      const words = M.HEAP32;
      for (let w = address >> 2, end = w + length; w < end;) {
        const at = sent ? sent[words[w]] : words[w];
        const errorCount = words[w + 1];
        const warningCount = words[w + 2];
        const errors = verdictIssues(rules, words, w + 3, errorCount);
        const warnings = verdictIssues(rules, words, w + 3 + 2 * errorCount, warningCount);
        items[at] = { index: at, valid: errorCount === 0, errors, warnings };
        w += 3 + 2 * (errorCount + warningCount);
      }
    }
    for (const [index, problem] of failed) {
      items[index] = { index, valid: false, errors: [problem], warnings: [] };
    }
    for (let i = 0; i < total; i++) {
      if (items[i] === undefined) items[i] = { index: i, valid: true, errors: [], warnings: [] };
    }
    return { validCount: r.validCount, invalidCount: r.invalidCount + failed.length, items };
  }

  function buildRequest(id, body, options) {
    checkId(id);
    if (options === undefined || options === null) options = {};
    if (typeof options !== 'object') throw new TypeError('invitekit: buildRequest options must be an object');
    const baseUrl = optionalString(options.baseUrl, 'options.baseUrl');
    let credentials = options.credentials;
    if (credentials === undefined || credentials === null) credentials = {};
    if (typeof credentials !== 'object') throw new TypeError('invitekit: options.credentials must be an object');
    const apiKey = optionalString(credentials.apiKey, 'credentials.apiKey');
    const bearerToken = optionalString(credentials.bearerToken, 'credentials.bearerToken');
    const sessionToken = optionalString(credentials.sessionToken, 'credentials.sessionToken');
    const text = toJsonText(body, true);
    if (typeof text !== 'string') return { ok: false, errors: [text], warnings: [], request: null };
    const [a, b, c, d, e, f] = writeStrings([id, text, baseUrl, apiKey, bearerToken, sessionToken]);
    return outputJson(M.buildRequest(a, b, c, d, e, f));
  }

  function readResponse(id, response) {
    checkId(id);
    if (response === null || typeof response !== 'object') {
      throw new TypeError('invitekit: readResponse takes { status, headers, body, request }');
    }
    const status = response.status;
    if (!Number.isInteger(status) || status < 0 || status > 999) {
      throw new TypeError('invitekit: response.status must be an integer HTTP status');
    }
    const headers = JSON.stringify(headerPairs(response.headers));
    const body = responseText(response.body, 'response.body');
    const request = responseText(response.request, 'response.request');
    const [a, b, c, d] = writeStrings([id, headers, body, request]);
    return outputJson(M.readResponse(a, status, b, c, d));
  }

  function endpoints() {
    return JSON.parse(endpointsText);
  }

  function standardSchema(id) {
    checkId(id);
    if (!endpointIds.includes(id)) {
      throw new TypeError(`invitekit: unknown endpoint "${id}"; one of: ${endpointIds.join(', ')}`);
    }
    return {
      '~standard': {
        version: 1,
        vendor: 'invitekit',
        validate(value) {
          // A Standard Schema validates JS values: a string is a JSON string, not JSON text.
          const text = toJsonText(value, false);
          if (typeof text !== 'string') return { issues: [{ message: text.message, path: [] }] };
          const r = validateText(id, text, true);
          if (r.valid) return { value: r.value };
          return { issues: r.errors.map((e) => ({ message: e.message, path: pointerToPath(e.path, value) })) };
        },
      },
    };
  }

  return { endpoints, validate, validateMany, buildRequest, readResponse, standardSchema };
}

// loadModule: the Emscripten factory of one build (Node CommonJS or web ES module).
// createInviteKit(options): options.wasmBinary (bytes of the .wasm) or options.locateFile
// (name → URL) for setups where the .wasm is not next to the script.
function createApi(loadModule) {
  return async function createInviteKit(options) {
    const moduleOptions = {};
    if (options && options.wasmBinary) moduleOptions.wasmBinary = options.wasmBinary;
    if (options && typeof options.locateFile === 'function') moduleOptions.locateFile = options.locateFile;
    return makeKit(await loadModule(moduleOptions));
  };
}

export { createApi };
