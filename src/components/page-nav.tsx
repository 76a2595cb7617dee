/** The mini-program's own navigation bar has back and, for a page opened directly, home: nothing to add. */
export function PageNav() {
  return null
}
