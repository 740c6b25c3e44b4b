// Types for invitekit (hand-written; checked by tsc in tests/npm/types.test.mjs).

/** One problem with an invite, a request or a response. */
export interface Issue {
  /** JSON Pointer (RFC 6901) to the field concerned; "" is the whole body. */
  path: string;
  /**
   * Stable identifier: a JSON Schema keyword ("required", "enum", "format", ...), a schema's own
   * code ("ignored", "duplicate"), or one of "json", "limit", "endpoint", "credential", "baseUrl",
   * "schema", "response".
   */
  code: string;
  /** One sentence written for an organization admin. */
  message: string;
}

/** What kit.endpoints() lists: the endpoint's whole description (src/endpoints/<id>.json). */
export interface Endpoint {
  id: string;
  family: string;
  title: string;
  summary?: string;
  method: string;
  path: string;
  defaultBaseUrl: string;
  auth: {
    credentials: Array<{ name: CredentialName; label: string; header: string; format: string; help?: string }>;
  };
  headers?: Record<string, string>;
  /** The draft-07 JSON Schema of the body. */
  schema: Record<string, unknown>;
  warningSchema?: Record<string, unknown>;
  fields: Array<{
    path: string;
    label: string;
    widget: string;
    order?: number;
    placeholder?: string;
    help?: string;
    choiceLabels?: Record<string, string>;
    showWhen?: Record<string, unknown[]>;
    exclusiveWith?: string[];
    /** Other names a table's header may give the field ("E-mail"). */
    columns?: string[];
  }>;
  /** Tables of people: fields whose value must not repeat across rows (the email). */
  table?: { unique?: Array<{ path: string; message: string }> };
  examples?: { request?: unknown; response?: unknown };
  responses?: Record<string, unknown>;
  [key: string]: unknown;
}

export type CredentialName = 'apiKey' | 'bearerToken' | 'sessionToken';

/** A body: a JSON-compatible value, or its JSON text. */
export type Body = string | object | number | boolean | null;

export interface ValidationResult {
  valid: boolean;
  /** Every error (at most 100), in document order. */
  errors: Issue[];
  /** Non-blocking: fields the chosen type ignores, duplicate ids, ... */
  warnings: Issue[];
  /** The body with schema defaults filled in; null when the body is not JSON. A getter, parsed
   *  when first read: a spread ({...r}) leaves it out, JSON.stringify(r) includes it. */
  readonly value: unknown;
}

export interface ValidateManyResult {
  validCount: number;
  invalidCount: number;
  /** One item per body (NDJSON: per non-blank line), in order. */
  items: Array<{ index: number; valid: boolean; errors: Issue[]; warnings: Issue[] }>;
}

export interface RequestOptions {
  /** Absolute http(s) URL; omitted: the documentation's server. */
  baseUrl?: string;
  credentials?: { apiKey?: string; bearerToken?: string; sessionToken?: string };
}

export interface HttpRequest {
  method: string;
  url: string;
  /** In a stable order; fetch() accepts this form. */
  headers: Array<[string, string]>;
  /** The validated body with defaults filled in, compact JSON. */
  body: string;
}

export interface BuildRequestResult {
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
  /** null unless ok. */
  request: HttpRequest | null;
}

export interface HeadersLike {
  forEach(callback: (value: string, name: string) => void): void;
}

export interface ResponseInput {
  status: number;
  /** A Headers object (anything with forEach(value, name)), [name, value] pairs or an object. */
  headers?: HeadersLike | Array<[string, string]> | Record<string, string>;
  /** The raw body text (or its bytes, or the parsed JSON value). */
  body?: string | ArrayBuffer | ArrayBufferView | object | null;
  /** The body that was sent, to check the response against it. */
  request?: string | object | null;
  /**
   * nextStep only: the status arrived, but the connection closed before the whole body did. A
   * success may then have happened: the row becomes 'unknown' (a 4xx or 5xx goes as usual).
   */
  cutOff?: boolean;
}

export interface TargetResult {
  targetId: string;
  targetKind: 'website' | 'group' | string;
  success: boolean;
  message: string | null;
  error: string | null;
  userId: string | null;
  inviteId: string | null;
}

export interface ResponseReading {
  outcome: 'success' | 'partial' | 'failure';
  status: number;
  message: string;
  inviteId: string | null;
  userId: string | null;
  /** Bulk invites: one row per website or group. */
  results: TargetResult[];
  /** Seconds, from Retry-After on 429/503. */
  retryAfter: number | null;
  warnings: Issue[];
}

/** CSV or a spreadsheet's tab-separated text, read into cells (readTable). */
export interface Table {
  separator: ',' | ';' | '\t' | string;
  header: string[];
  /** line: where the row starts in the text (a spreadsheet's row number). */
  rows: Array<{ line: number; cells: string[] }>;
  /** code "table": path "" for the text, "/rows/<index>" for one row. */
  errors: Issue[];
}

export interface TableOptions {
  /** The field of each column by position ("/email"), in place of matching its header; "" leaves a column out. */
  columns?: string[];
  /** Text for a field in every row, by path ({"/role": "viewer"}); a row's own non-empty cell wins. */
  constants?: Record<string, string>;
}

/** A table of people as invites for one endpoint (readInviteTable). */
export interface InviteTable {
  separator: string;
  /** field: the path the column fills, or "" when it is left out. */
  columns: Array<{ header: string; field: string }>;
  rows: Array<{
    line: number;
    /** The body the form would send for the row. */
    body: Record<string, unknown>;
    valid: boolean;
    errors: Issue[];
    /** Includes "duplicate" when another row has the same email. */
    warnings: Issue[];
  }>;
  validCount: number;
  /** The text as a whole ("table", "endpoint"): there are no rows then. */
  errors: Issue[];
  /** code "column": a column left out, two columns for one field, a required field no column gives. */
  warnings: Issue[];
}

export type RowState =
  | 'invalid' | 'excluded' | 'waiting' | 'sending' | 'succeeded' | 'partial' | 'already' | 'failed' | 'unknown';

/** What a batch does after a try (nextStep). */
export interface NextStep {
  state: RowState;
  /** waiting: how long before the next try. */
  delayMs: number;
  /** waiting: no row of the batch is sent before then (the server asked to slow down). */
  pauseBatch: boolean;
  /** The batch stops (the key is not accepted). */
  stopBatch: boolean;
  /** For the admin: why it waits, why it stopped, or the server's message. */
  reason: string;
  /** null when no answer came. */
  reading: ResponseReading | null;
}

/** Standard Schema v1 (https://standardschema.dev). */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardSchemaV1.Result<Output> | Promise<StandardSchemaV1.Result<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

export declare namespace StandardSchemaV1 {
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
}

export interface InviteKit {
  endpoints(): Endpoint[];
  validate(id: string, body: Body): ValidationResult;
  validateMany(id: string, bodies: Body[] | string): ValidateManyResult;
  buildRequest(id: string, body: Body, options?: RequestOptions): BuildRequestResult;
  readResponse(id: string, response: ResponseInput): ResponseReading;
  readTable(text: string): Table;
  /** One row as a CSV line ending in CRLF, quoted where needed. */
  tableLine(cells: Array<string | number | null | undefined>): string;
  readInviteTable(id: string, text: string, options?: TableOptions): InviteTable;
  /** After try number `attempt` (1 for the first) of a batch's row; `response` null when no answer came. */
  nextStep(id: string, response: ResponseInput | null, attempt: number): NextStep;
  standardSchema(id: string): StandardSchemaV1<unknown, Record<string, unknown>>;
}

export interface CreateOptions {
  /** The .wasm bytes, for setups where the file cannot be found next to the script. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where a file of the package is (name → URL), e.g. for a bundler that moved the .wasm. */
  locateFile?: (name: string, scriptDirectory: string) => string;
}

/** Loads the WebAssembly module; each call gives an independent kit. */
export declare function createInviteKit(options?: CreateOptions): Promise<InviteKit>;
