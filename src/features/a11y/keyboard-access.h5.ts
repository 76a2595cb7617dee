import './keyboard-access.css'

/**
 * H5: Taro draws every control as an element that is not a native control (a <div class="taro-button-core">, a
 * <div role="button">, a <taro-checkbox-core>) that a browser neither focuses with Tab nor activates with Enter or Space, so a keyboard user could reach nothing but
 * text inputs (nor scroll a page, which Taro scrolls inside its own element). Here every control the app draws is
 * made focusable and operable the way a native one is, in one place for all pages.
 */
const BUTTONS = 'taro-button-core, .taro-button-core'
const CONTROLS = `${BUTTONS}, [role="button"], [role="link"], [role="radio"], [role="checkbox"], [role="switch"]`

/** NutUI marks a disabled or loading button with a class only. */
const disabled = (el: Element) => el.getAttribute('aria-disabled') === 'true' || el.classList.contains('nut-button-disabled')

function prepare(el: Element): void {
  if (el.matches(BUTTONS)) {
    if (!el.hasAttribute('role')) el.setAttribute('role', 'button')
    const off = el.classList.contains('nut-button-disabled')
    if (el.getAttribute('aria-disabled') !== String(off)) el.setAttribute('aria-disabled', String(off))
  }
  const tabindex = disabled(el) ? '-1' : '0'
  if (el.getAttribute('tabindex') !== tabindex) el.setAttribute('tabindex', tabindex)
}

function prepareWithin(root: ParentNode): void {
  if (root instanceof Element && root.matches(CONTROLS)) prepare(root)
  root.querySelectorAll(CONTROLS).forEach(prepare)
}

/** Enter activates a control, Space too except for links (as in a browser); a native control does its own. */
function onKeyDown(e: KeyboardEvent): void {
  if (e.key !== 'Enter' && e.key !== ' ') return
  const el = e.target instanceof Element ? e.target : null
  if (!el?.matches(CONTROLS) || disabled(el)) return
  if (e.key === ' ' && el.getAttribute('role') === 'link') return
  e.preventDefault()
  ;(el as HTMLElement).click()
}

/** Installs once for the app; returns the way to remove it again. */
export function installKeyboardAccess(): () => void {
  document.addEventListener('keydown', onKeyDown)
  const observer = new MutationObserver((changes) => {
    for (const c of changes) {
      if (c.type === 'attributes') { if ((c.target as Element).matches(CONTROLS)) prepare(c.target as Element) } else c.addedNodes.forEach((n) => { if (n instanceof Element) prepareWithin(n) })
    }
  })
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['role', 'class', 'aria-disabled'] })
  prepareWithin(document.body)
  return () => {
    document.removeEventListener('keydown', onKeyDown)
    observer.disconnect()
  }
}
