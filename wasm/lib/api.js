// invitekit's JavaScript API over the WebAssembly core: createInviteKit() and the kit's methods.
//
// Shared by every entry point: the build writes it, minified, to dist/api.js (for index.js, Node
// ESM, and index.browser.js) and as CommonJS to dist/api.cjs (for index.cjs); see
// scripts/assemble-dist.mjs, which is why this file has no imports and one export, at the end.
//
// Division of labour: the core (C++) decides every error, path, code and message. This file
// only converts arguments (JS values to JSON text, through JSON.stringify, so an object and its
// JSON text give the same result), calls the Embind functions of wasm/bindings.cpp, and shapes
// results. Arguments of the wrong type (an endpoint id that is not a string, options that are
// not an object, ...) throw a TypeError; anything wrong with a body is an error in the result,
// as the core reports it.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// The core's limit on one body (json_limits::max_bytes). A longer string is not copied whole:
// its first MAX_BODY_BYTES + 1 characters are enough for the core to report the "limit" error.
const MAX_BODY_BYTES = 1 << 20;

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

// UTF-8 for a string with lone surrogates, which Embind's and TextEncoder's conversions would
// silently turn into other characters: each surrogate is written as its own 3-byte sequence
// (invalid UTF-8), so the core reports the exact place as a "json" error instead of validating
// text the caller never wrote. Embind copies a Uint8Array argument as it is.
function encodeWtf8(s) {
  const heap = new Uint8Array(s.length * 3);
  let at = 0;
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
  return heap.subarray(0, at);
}

const isWellFormed = typeof String.prototype.isWellFormed === 'function'
  ? (s) => s.isWellFormed()
  : (s) => !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''));

// The result of validate(): `value` (the body with defaults) is only made when read, so it is a
// getter: JSON.parse of the body's text (which reads it as the core did: the last of a key given
// twice wins, numbers as JS numbers) plus the defaults the core filled in, each at the end of its
// object. What it is made from is kept under this module's own symbols: own string keys are
// valid, errors and warnings. Symbols rather than #private fields, so the getter also works
// through a Proxy (Vue's reactive(), MobX), which private fields refuse. JSON.stringify and
// console.log (Node's inspect) show `value` too; a spread ({...r}) does not (it copies the
// symbols, which are inert there).
const BODY_TEXT = Symbol('bodyText');
const DEFAULTS = Symbol('defaults');
const VALUE = Symbol('value');

class Validation {
  // defaults: the core's [{objectPath, property, value: JSON text}], or null when the body is not
  // JSON (value is then null).
  constructor(valid, errors, warnings, bodyText, defaults) {
    this.valid = valid;
    this.errors = errors;
    this.warnings = warnings;
    this[BODY_TEXT] = bodyText;
    this[DEFAULTS] = defaults;
    this[VALUE] = undefined;
  }

  get value() {
    if (this[VALUE] === undefined) {
      const defaults = this[DEFAULTS];
      const value = defaults === null ? null : JSON.parse(this[BODY_TEXT]);
      for (const d of defaults || []) {
        const object = valueAt(value, d.objectPath);
        if (object === null || typeof object !== 'object' || Object.prototype.hasOwnProperty.call(object, d.property)) continue;
        // As JSON.parse makes members: own, enumerable, even for "__proto__".
        Object.defineProperty(object, d.property, {
          value: JSON.parse(d.value), writable: true, enumerable: true, configurable: true,
        });
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

// The value a JSON Pointer names inside `value`, or undefined.
function valueAt(value, pointer) {
  for (const key of pointerToPath(pointer, value)) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = value[key];
  }
  return value;
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

// A text's UTF-8 bytes as the core takes them (Embind copies a Uint8Array argument as it is): its
// TextEncoder encoding into a reused buffer — several times faster than Embind's own conversion
// of a string, which walks it in JS — or, when it has a lone surrogate, encodeWtf8's.
// `wellFormed`: known to have none (JSON.stringify's output never has one). A string longer than
// the core accepts is cut just past the limit. The bytes are only valid until the next call.
let scratch = new Uint8Array(4096);
function coreBytes(text, wellFormed) {
  if (text.length > MAX_BODY_BYTES) {
    text = text.slice(0, MAX_BODY_BYTES + 1);  // which may cut a surrogate pair in two
    wellFormed = false;
  }
  if (!wellFormed && !isWellFormed(text)) return encodeWtf8(text);
  if (scratch.length < text.length * 3) scratch = new Uint8Array(Math.max(text.length * 3, scratch.length * 2));
  return scratch.subarray(0, encoder.encodeInto(text, scratch).written);
}

// The bodies of NDJSON text: one per line, without a trailing CR; blank lines are skipped.
function ndjsonLines(text) {
  const lines = [];
  for (let line of text.split('\n')) {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (/[^ \t]/.test(line)) lines.push(line);
  }
  return lines;
}

function makeKit(M) {
  const endpointsText = M.endpointsJson();
  const endpointIds = JSON.parse(endpointsText).map((e) => e.id);

  function validateText(id, text, wellFormed) {
    const r = M.validate(id, coreBytes(text, wellFormed), true);
    return new Validation(r.valid, r.errors, r.warnings, text, r.defaults);
  }

  function validate(id, body) {
    checkId(id);
    const text = toJsonText(body, true);
    if (typeof text !== 'string') return new Validation(false, [text], [], null, null);
    return validateText(id, text, text !== body);  // not the caller's own text: stringify's
  }

  function validateMany(id, bodies) {
    checkId(id);
    let list;
    if (typeof bodies === 'string') list = ndjsonLines(bodies);
    else if (Array.isArray(bodies)) list = bodies;
    else throw new TypeError('invitekit: validateMany takes an array of bodies or NDJSON text');
    let validCount = 0;
    const items = list.map((body, index) => {
      const text = toJsonText(body, true);
      if (typeof text !== 'string') return { index, valid: false, errors: [text], warnings: [] };
      const r = M.validate(id, coreBytes(text, text !== body), false);
      if (r.valid) validCount++;
      return { index, valid: r.valid, errors: r.errors, warnings: r.warnings };
    });
    return { validCount, invalidCount: items.length - validCount, items };
  }

  function buildRequest(id, body, options) {
    checkId(id);
    if (options === undefined || options === null) options = {};
    if (typeof options !== 'object') throw new TypeError('invitekit: buildRequest options must be an object');
    const baseUrl = optionalString(options.baseUrl, 'options.baseUrl');
    let credentials = options.credentials;
    if (credentials === undefined || credentials === null) credentials = {};
    if (typeof credentials !== 'object') throw new TypeError('invitekit: options.credentials must be an object');
    const given = {
      apiKey: optionalString(credentials.apiKey, 'credentials.apiKey'),
      bearerToken: optionalString(credentials.bearerToken, 'credentials.bearerToken'),
      sessionToken: optionalString(credentials.sessionToken, 'credentials.sessionToken'),
    };
    const text = toJsonText(body, true);
    if (typeof text !== 'string') return { ok: false, errors: [text], warnings: [], request: null };
    return M.buildRequest(id, coreBytes(text, text !== body), { baseUrl, credentials: given });
  }

  // A response's parts as the core takes them.
  function responseArgs(response) {
    if (response === null || typeof response !== 'object') {
      throw new TypeError('invitekit: a response is { status, headers, body, request }');
    }
    const status = response.status;
    if (!Number.isInteger(status) || status < 0 || status > 999) {
      throw new TypeError('invitekit: response.status must be an integer HTTP status');
    }
    const headers = headerPairs(response.headers);
    // Two texts: the second must not reuse the buffer the first is in.
    const body = coreBytes(responseText(response.body, 'response.body'), false).slice();
    const request = coreBytes(responseText(response.request, 'response.request'), false);
    return { status, headers, body, request };
  }

  function readResponse(id, response) {
    checkId(id);
    const { status, headers, body, request } = responseArgs(response);
    return M.readResponse(id, status, headers, body, request);
  }

  function endpoints() {
    return JSON.parse(endpointsText);
  }

  // CSV or a spreadsheet's tab-separated text as a header and rows of cells (src/table.h).
  function readTable(text) {
    if (typeof text !== 'string') throw new TypeError('invitekit: readTable takes the table as text');
    return M.readTable(coreBytes(text, false));
  }

  // One row as a CSV line ending in CRLF, quoted where needed: what readTable reads back.
  function tableLine(cells) {
    if (!Array.isArray(cells)) throw new TypeError('invitekit: tableLine takes an array of cells');
    return M.tableLine(cells.map((c) => (c === null || c === undefined ? '' : String(c))));
  }

  // A table of people (CSV, or a spreadsheet's tab-separated text) as invites; see
  // src/invite_table.h. options.columns: the field of each column by position; options.constants:
  // {field: text} for every row.
  function readInviteTable(id, text, options) {
    checkId(id);
    if (typeof text !== 'string') throw new TypeError('invitekit: readInviteTable takes the table as text');
    if (options === undefined || options === null) options = {};
    if (typeof options !== 'object') throw new TypeError('invitekit: readInviteTable options must be an object');
    const columns = options.columns ?? [];
    if (!Array.isArray(columns) || columns.some((c) => typeof c !== 'string')) {
      throw new TypeError('invitekit: options.columns must be an array of field paths ("" leaves a column out)');
    }
    const constants = Object.entries(options.constants ?? {}).map(([field, value]) => {
      if (typeof value !== 'string') throw new TypeError(`invitekit: options.constants["${field}"] must be text`);
      return [field, value];
    });
    const t = M.readInviteTable(id, coreBytes(text, false), { columns, constants });
    for (const row of t.rows) row.body = JSON.parse(row.body);
    return t;
  }

  // What a batch does after try number `attempt` of a row (see src/send_policy.h): `response` as
  // readResponse takes it, or null when no answer came at all.
  function nextStep(id, response, attempt) {
    checkId(id);
    if (!Number.isInteger(attempt) || attempt < 1) throw new TypeError('invitekit: nextStep attempt must be 1 or more');
    if (response === null) return M.nextStep(id, 0, [], '', '', attempt, false);
    const { status, headers, body, request } = responseArgs(response);
    return M.nextStep(id, status, headers, body, request, attempt, response.cutOff === true);
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

  return {
    endpoints, validate, validateMany, buildRequest, readResponse, readTable, tableLine, readInviteTable, nextStep,
    standardSchema,
  };
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
