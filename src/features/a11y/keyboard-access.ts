/**
 * Mini-program: WeChat's own controls and its screen reader handle focus; there is no keyboard to serve.
 * The browser build (keyboard-access.h5.ts) does the work.
 */
export function installKeyboardAccess(): () => void {
  return () => {}
}
