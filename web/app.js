// invitekit admin page glue: checks WebGL2, fixes the input gaps of Emscripten 3.1.6's GLFW
// that only the page can fix, shows a loading panel, then starts the WASM app.
//
// Contract with the C++ app (see web/CMakeLists.txt):
//   - the app is created with createInviteKitAdmin({canvas, shell}) — `canvas` is #canvas, sized
//     by CSS to fill the window; the app sets its backing store to CSS size × devicePixelRatio;
//   - once it has drawn a whole frame (its second: ImGui shows tabs from the frame after they
//     appear) the app dispatches `invitekit-ready` on window (the loading panel goes away); when
//     it cannot start it dispatches `invitekit-error` {detail: {message}};
//   - EM_JS code may use `Module.shell` (everything optional for the app):
//       shell.getClipboardText()      text of the last paste event aimed at the app (or of the
//                                     app's last copy), for io.GetClipboardTextFn. Ctrl/Cmd+V
//                                     fires the paste event before the next frame.
//       shell.setClipboardText(text)  for io.SetClipboardTextFn: the system clipboard (when the
//                                     browser allows) and the buffer above.
//       shell.onWake = fn             set by an app that pauses its main loop when idle; the page
//                                     calls it for the input it handles itself (keys it keeps
//                                     from GLFW, pastes, touches).
//       shell.wantKeyboard            set by the app after each frame: whether one of its text
//                                     fields or popups has the keyboard (then Tab is the app's).
// Everything below is registered before the factory runs, so before glfwInit: that is what lets
// these capture listeners run ahead of GLFW's.
'use strict';

{
  const canvas = document.getElementById('canvas');
  const status = document.getElementById('status');
  const statusTitle = document.getElementById('status-title');
  const statusDetail = document.getElementById('status-detail');

  let clipboardText = '';  // see shell.getClipboardText

  const shell = {
    getClipboardText: () => clipboardText,
    setClipboardText(text) {
      clipboardText = String(text);
      // Without permission (or focus) the write is refused; in-page copy and paste still work.
      navigator.clipboard?.writeText(clipboardText).catch(() => {});
    },
    onWake: null,
    wantKeyboard: true,
  };

  // ---- Status panel (loading, or why the app cannot run) -------------------------------

  function showProblem(title, detail) {
    status.hidden = false;
    status.classList.add('status-error');
    status.setAttribute('role', 'alert');
    statusTitle.textContent = title;
    statusDetail.textContent = detail;
  }

  // An error text as one sentence: "Aborted(…). Build with … for more info." keeps one full stop.
  function sentence(text) {
    return `${String(text ?? 'Unknown error').trim().replace(/\.+$/, '')}.`;
  }

  function hideStatus() {
    status.hidden = true;
  }

  function webgl2Available() {
    // A throwaway canvas: asking the real one would fix its context attributes before GLFW does.
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return false;
      gl.getExtension('WEBGL_lose_context')?.loseContext();
      return true;
    } catch {
      return false;
    }
  }

  // ---- Input: what GLFW gets wrong in the browser --------------------------------------

  function wake() {
    if (typeof shell.onWake === 'function') shell.onWake();
  }

  // Key events aimed at the app: the canvas, or nothing in particular (body).
  function aimedAtApp(target) {
    return target === canvas || target === document.body || target === document.documentElement ||
           target === document || target === window;
  }

  // GLFW listens for keys on `window` in the capture phase and calls preventDefault on
  // Backspace and Tab: a DOM field elsewhere on the page would lose those keys and its text
  // would also be typed into ImGui. This listener runs first (registered earlier on the same
  // target) and keeps such key presses away from GLFW. Key releases always pass, so no key
  // stays "held" in ImGui when focus moves away mid-press.
  //
  // Tab stays in the canvas only while one of its text fields or popups has the keyboard (ImGui
  // moves between its fields with it; otherwise it goes to the browser, which moves focus on to
  // the accessible form); there, Esc then Tab lets the next Tab go to the browser too, which moves
  // focus out of the canvas (WCAG 2.1.2).
  let escapePressed = false;
  let tabLetThrough = false;
  const modifierKeys = new Set(['Shift', 'Control', 'Alt', 'Meta']);

  function onKey(event) {
    if (event.type === 'keyup') {
      if (event.key === 'Tab' && tabLetThrough) {
        tabLetThrough = false;
        event.stopImmediatePropagation();
      }
      return;
    }
    if (!aimedAtApp(event.target)) {
      event.stopImmediatePropagation();
      return;
    }
    if (event.type !== 'keydown') return;
    if (event.key === 'Tab' && (escapePressed || !shell.wantKeyboard)) {
      escapePressed = false;
      tabLetThrough = true;
      event.stopImmediatePropagation();  // GLFW never sees it, so the browser moves focus
      return;
    }
    if (!modifierKeys.has(event.key)) escapePressed = event.key === 'Escape';
  }
  for (const type of ['keydown', 'keypress', 'keyup']) window.addEventListener(type, onKey, true);

  // Clipboard: GLFW's clipboard functions are stubs. The paste event carries the text the
  // user pasted without any permission prompt; the app reads it through the shell. The event
  // is aimed at the selection (which may sit in any text of the page), so what counts is focus.
  window.addEventListener('paste', (event) => {
    if (!aimedAtApp(document.activeElement)) return;
    clipboardText = event.clipboardData?.getData('text/plain') ?? '';
    event.preventDefault();
    wake();
  }, true);

  // Touch: GLFW takes touch events but never reads their position, so taps land where the
  // mouse last was and drags do nothing. The first finger becomes a mouse with its left button
  // held; GLFW's own touch handlers are skipped and the browser neither scrolls nor zooms.
  let touchId = null;
  const touchToMouse = { touchstart: 'mousedown', touchmove: 'mousemove', touchend: 'mouseup', touchcancel: 'mouseup' };

  function sendMouse(type, touch) {
    canvas.dispatchEvent(new MouseEvent(type, {
      bubbles: true, cancelable: true, view: window,
      clientX: touch.clientX, clientY: touch.clientY, screenX: touch.screenX, screenY: touch.screenY,
      button: 0, buttons: type === 'mouseup' ? 0 : 1,
    }));
  }

  function onTouch(event) {
    event.stopImmediatePropagation();
    event.preventDefault();
    wake();
    if (event.type === 'touchstart' && touchId === null) {
      const touch = event.changedTouches[0];
      touchId = touch.identifier;
      canvas.focus({ preventScroll: true });
      sendMouse('mousemove', touch);  // ImGui decides what is hovered before the press
      sendMouse('mousedown', touch);
      return;
    }
    const touch = [...event.changedTouches].find((t) => t.identifier === touchId);
    if (!touch) return;
    sendMouse(touchToMouse[event.type], touch);
    if (event.type === 'touchend' || event.type === 'touchcancel') touchId = null;
  }
  for (const type of Object.keys(touchToMouse)) {
    canvas.addEventListener(type, onTouch, { capture: true, passive: false });
  }

  // The app wakes itself for the input GLFW hands it, focus changes and resizes
  // (web/imgui_impl_browser.cpp); the listeners above wake it for the paste and touches they handle.

  // ---- Start ---------------------------------------------------------------------------

  // The loading panel stays until the app has drawn a whole frame.
  let started = false;
  window.addEventListener('invitekit-ready', () => {
    if (started || status.classList.contains('status-error')) return;
    started = true;
    hideStatus();
    if (document.activeElement === document.body) canvas.focus({ preventScroll: true });
  });
  window.addEventListener('invitekit-error', (event) => {
    showProblem('The invite form cannot start', event.detail?.message ?? 'The app reported an error.');
  });

  canvas.addEventListener('webglcontextlost', (event) => {
    event.preventDefault();
    showProblem('The graphics context was lost',
      'The browser reset WebGL (a driver update or too many tabs using the GPU). Reload the page to continue.');
  });

  function start() {
    if (!webgl2Available()) {
      showProblem('This page needs WebGL 2',
        'Your browser has WebGL 2 turned off or does not support it. Turn on hardware acceleration ' +
        'in the browser settings, or open the page in a current Chrome, Edge, Firefox or Safari.');
      return;
    }
    if (typeof globalThis.createInviteKitAdmin !== 'function') {
      showProblem('The app did not load',
        'invitekit-admin.js is missing or failed to load. Build the page with "make web" and serve web/dist.');
      return;
    }
    const module = {
      canvas,
      shell,
      onAbort: (what) => showProblem('The app stopped', `${sentence(what)} Reload the page to start again.`),
    };
    globalThis.createInviteKitAdmin(module).catch((error) => {
      showProblem('The invite form failed to start', `${sentence(error?.message ?? error)} Reload the page to try again.`);
    });
  }

  start();
}
