// What a keyboard or screen-reader user does with the page's accessible form (web/a11y_form.js):
// find controls by role and accessible name, move with Tab, type, press Space and Enter. Field
// labels, widgets and choice labels come from the endpoint descriptions (page.js), as for the app.
import { credentialLabel, endpoints } from './page.js';

const MAX_TABS = 80;  // more than the longest form has controls

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The accessible form (role "form", named "Invite form"). */
export function accessibleForm(admin) {
  return admin.page.getByRole('form', { name: 'Invite form' });
}

/** The control of a field of the current endpoint, by the role its widget gives it. */
export function control(admin, f, choiceValue) {
  const form = accessibleForm(admin);
  switch (f.widget) {
    case 'radio':
      return form.getByRole('radiogroup', { name: f.label, exact: true })
        .getByRole('radio', { name: f.choiceLabels?.[choiceValue] ?? String(choiceValue), exact: true });
    case 'combo':
      return form.getByRole('combobox', { name: f.label, exact: true });
    default:  // text, number, idList (a textarea): optional fields say so after their label
      return form.getByRole('textbox', { name: new RegExp(`^${escape(f.label)}( \\(optional\\))?$`) });
  }
}

/** A credential's field: a password input, found by its label. */
export function credentialControl(admin, endpointId, name) {
  return accessibleForm(admin).getByLabel(credentialLabel(endpointId, name), { exact: true });
}

export function sendButton(admin) {
  return accessibleForm(admin).getByRole('button', { name: 'Send invite' });
}

export function endpointControl(admin) {
  return accessibleForm(admin).getByRole('combobox', { name: 'Endpoint' });
}

function isFocused(locator) {
  return locator.evaluate((node) => node === document.activeElement || node.contains(document.activeElement));
}

/** Presses Tab (or Shift+Tab) until `locator` has focus, as a keyboard user moves through a page. */
export async function tabTo(admin, locator, { backwards = false } = {}) {
  await locator.waitFor({ state: 'visible' });  // a field that just appeared (showWhen) is in the tab order
  for (let presses = 0; presses < MAX_TABS; presses++) {
    if (await isFocused(locator)) return;
    await admin.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${locator}`);
}

/** Moves focus from the canvas into the accessible form with Tab (no Esc needed). */
export async function enterAccessibleForm(admin) {
  await admin.page.locator('#canvas').focus();
  await admin.waitFrames(2);
  await tabTo(admin, accessibleForm(admin));
}

/** Selects an option of a native <select> with the keyboard (arrows), by its visible text. */
async function chooseOption(admin, select, text) {
  await tabTo(admin, select);
  for (const direction of ['ArrowDown', 'ArrowUp']) {
    for (let step = 0; step < 10; step++) {
      const shown = await select.evaluate((node) => node.selectedOptions[0]?.textContent ?? '');
      if (shown === text) return;
      await admin.page.keyboard.press(direction);
    }
  }
  throw new Error(`no option ${text} in ${select}`);
}

/** Chooses the endpoint with the keyboard in the form's Endpoint list. */
export async function chooseEndpointByKeyboard(admin, endpointId) {
  await chooseOption(admin, endpointControl(admin), endpoints[endpointId].title);
  await admin.waitForState((state) => state.endpoint === endpointId, `endpoint ${endpointId}`);
}

/** Replaces the text of a focused-by-Tab text control with `text`, typed. */
async function typeOver(admin, locator, text) {
  await tabTo(admin, locator);
  await admin.page.keyboard.press('Control+a');
  await admin.page.keyboard.press('Delete');
  await admin.page.keyboard.type(text);
}

/** Types each credential into its password field. */
export async function typeCredentials(admin, endpointId, values) {
  for (const [name, value] of Object.entries(values)) await typeOver(admin, credentialControl(admin, endpointId, name), value);
}

function valueAt(body, pointer) {
  return pointer.split('/').slice(1).reduce((node, key) => (node == null ? undefined : node[key]), body);
}

/** Fills the form of `endpointId` with `body` through the accessible form, in field order, with
 *  the keyboard only: arrows and Space in radio groups, arrows in lists, typing in text fields
 *  (an id list takes one id per line). */
export async function fillByKeyboard(admin, endpointId, body) {
  const fields = [...endpoints[endpointId].fields].sort((a, b) => a.order - b.order);
  for (const f of fields) {
    const value = valueAt(body, f.path);
    if (value === undefined) continue;
    switch (f.widget) {
      case 'radio': {
        const target = control(admin, f, value);
        await tabTo(admin, admin.page.getByRole('radiogroup', { name: f.label, exact: true }));
        for (let step = 0; step < 10 && !(await isFocused(target)); step++) await admin.page.keyboard.press('ArrowRight');
        if (!(await target.isChecked())) await admin.page.keyboard.press('Space');
        break;
      }
      case 'combo':
        await chooseOption(admin, control(admin, f), f.choiceLabels?.[value] ?? String(value));
        break;
      case 'idList':
        await typeOver(admin, control(admin, f), value.map(String).join('\n'));
        break;
      default:
        await typeOver(admin, control(admin, f), String(value));
    }
  }
}

/** Tabs to Send once it is enabled and presses Enter; the live region then says the outcome. */
export async function sendByKeyboard(admin) {
  await admin.waitForState((state) => state.sendEnabled, 'Send to be enabled (a valid invite)');
  const button = sendButton(admin);
  await tabTo(admin, button);
  if (await button.isDisabled()) throw new Error('Send is disabled in the accessible form while the app can send');
  // The send's id, read before Enter: the send may start, be answered and the app go idle before
  // anything is read after the key, and an earlier send's outcome must not be taken for this one's.
  const before = (await admin.state()).sendId;
  await admin.page.keyboard.press('Enter');
  return admin.waitForState((state) => state.sendId !== before && !state.inFlight && state.outcome !== '',
                            'the outcome of the send');
}
