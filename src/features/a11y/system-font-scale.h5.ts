/**
 * H5: the browser's default font size (the user's setting) against the usual 16 px. Taro sets the root
 * font size itself for rem units, so read the default from a fresh element outside its influence.
 */
export function systemFontScale(): number {
  try {
    const probe = document.createElement('div')
    probe.style.cssText = 'font-size: medium; position: absolute; visibility: hidden'
    document.body.appendChild(probe)
    const px = parseFloat(getComputedStyle(probe).fontSize) || 16
    probe.remove()
    return Math.min(1.6, Math.max(1, px / 16))
  } catch {
    return 1
  }
}
