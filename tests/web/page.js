// What the tests know about the admin page: the labels of its fixed widgets (one place to
// change when the C++ panels change), and form filling driven by the endpoint descriptions —
// field labels, widgets and choice labels come from src/endpoints/*.json, as they do for the app.
//
// The page publishes where its widgets and texts are (web/item_registry.h); tests find them by
// label, and choose an endpoint by its tab's key "tab/<endpoint id>".
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './harness.js';

// Widgets drawn by the panels in web/panels/*.cpp (not by the endpoint descriptions).
export const LABELS = {
  baseUrl: 'Server',               // the base URL field (key "baseUrl")
  useSandbox: 'Sandbox',
  showSecrets: 'Show secrets',
  rememberInTab: 'Remember in this tab',
  send: 'Send invite',
  cancel: 'Cancel',
  addPasted: 'Add rows',           // confirms the "Paste many" dialog
  clearHistory: 'Clear history',
};

// An id list's widgets, named after its field (web/panels/invite_form.cpp).
export const listLabels = (f) => ({
  row: (index) => `${f.label} ${index + 1}`,
  add: `Add row to ${f.label}`,
  pasteMany: `Paste many ${f.label}`,
  pasteBox: `IDs to add to ${f.label}`,
});

export const endpoints = Object.fromEntries(
  fs.readdirSync(path.join(repoRoot, 'src', 'endpoints'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'src', 'endpoints', name), 'utf8')))
    .map((description) => [description.id, description]));

export function field(endpointId, fieldPath) {
  const found = endpoints[endpointId].fields.find((f) => f.path === fieldPath);
  if (!found) throw new Error(`${endpointId} has no field ${fieldPath}`);
  return found;
}

export function credentialLabel(endpointId, name) {
  return endpoints[endpointId].auth.credentials.find((c) => c.name === name).label;
}

function valueAt(body, pointer) {
  return pointer.split('/').slice(1).reduce((node, key) => (node == null ? undefined : node[key]), body);
}

/** Chooses the endpoint by its tab in the page header (key "tab/<endpoint id>"). */
export async function chooseEndpoint(admin, endpointId) {
  if ((await admin.state())?.endpoint === endpointId) return;
  await admin.click(null, { key: `tab/${endpointId}` });
  await admin.waitForState((state) => state.endpoint === endpointId, `endpoint ${endpointId}`);
}

/** Pastes each credential of `values` ({apiKey} or {bearerToken, sessionToken}) into its field,
 *  as people do with keys (typing 40 characters costs SwiftShader seconds per field). */
export async function enterCredentials(admin, endpointId, values) {
  for (const [name, value] of Object.entries(values)) {
    await admin.pasteInto(credentialLabel(endpointId, name), value, { key: `credential/${name}` });
  }
}

/**
 * Fills the form of `endpointId` with `body` through the widgets, in the form's field order:
 * radio buttons and combos by their choice labels, text by typing, id lists one row at a time.
 * Fields absent from `body` are left as the page has them (the schema default stays selected).
 */
export async function fillForm(admin, endpointId, body) {
  const fields = [...endpoints[endpointId].fields].sort((a, b) => a.order - b.order);
  for (const f of fields) {
    const value = valueAt(body, f.path);
    if (value === undefined) continue;
    const choice = (v) => [f.choiceLabels?.[v] ?? String(v), { key: `${f.path}=${v}` }];
    switch (f.widget) {
      case 'radio':
        await admin.click(...choice(value));
        break;
      case 'combo':  // opened by its label (the app names it: BeginCombo has no item-info hook)
        await admin.click(f.label);
        await admin.click(...choice(value));
        break;
      case 'text':
      case 'number':
        await admin.typeInto(f.label, String(value), { key: f.path });
        break;
      case 'idList':
        await fillList(admin, f, value.map(String));
        break;
      default:
        throw new Error(`no way to fill widget ${f.widget} of ${f.path}`);
    }
  }
}

/** Types `rows` into an id list, adding rows with the list's add button as needed. */
export async function fillList(admin, f, rows) {
  const labels = listLabels(f);
  for (let i = 0; i < rows.length; i++) {
    if (!(await admin.hasItem(labels.row(i)))) await admin.click(labels.add);
    await admin.typeInto(labels.row(i), rows[i]);
  }
}

/** The row inputs of an id list, in order. */
export async function rowItems(admin, f) {
  return admin.items(new RegExp(`^${f.label} \\d+$`), { key: new RegExp(`^${f.path}/\\d+$`) });
}

/** Presses Send (or Enter, with {enter: true}) once it is enabled and waits for the outcome;
 *  returns the final state. */
export async function sendInvite(admin, { enter = false } = {}) {
  await admin.waitForState((state) => state.sendEnabled, 'Send to be enabled (a valid invite)');
  if (enter) await admin.press('Enter');
  else await admin.click(LABELS.send);
  const state = await admin.waitForState((s) => !s.inFlight && s.outcome !== '', 'the outcome of the send');
  // The outcome in words, in the response panel (web/panels/response_panel.cpp, outcome_words).
  const words = OUTCOME_WORDS[state.outcome];
  if (words) await textShown(admin, words, { window: /##response/ });
  return state;
}

const OUTCOME_WORDS = { success: /^\W*Success$/, partial: /^\W*Partly done$/, failure: /^\W*(Failed|None succeeded)$/ };

/** Waits for text on the page (an item whose label contains `text`, or matches a RegExp). */
export function textShown(admin, text, { window, timeout } = {}) {
  const label = text instanceof RegExp ? text : new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return admin.waitForItem(label, { window, key: 'text', timeout });
}

/** Waits until the page's live region (#announcer, read by screen readers) says `text`. */
export async function announced(admin, text) {
  await admin.page.waitForFunction(([source, flags]) =>
    new RegExp(source, flags).test(document.getElementById('announcer').textContent), [text.source, text.flags],
  { timeout: 15_000 });
  return admin.page.textContent('#announcer');
}
