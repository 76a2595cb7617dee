// PostCSS plugin for the weapp build (config/index.ts, mini.postcss): NutUI's Button stylesheet styles every
// variant (five types, five sizes, four fills, two shapes, right-to-left) and, as the start page's buttons are NutUI's,
// all of it is in the main package. The app's Buttons are only the variants in USED
// (test/unit/config/weapp-nutui-buttons.test.ts reads every <Button> in src and fails on any other); a rule whose
// selectors name only classes no such Button gets is left out. The classes a Button gets are NutUI 3.0's
// (packages/button/button.js): its type, its size, its shape (round unless given), `-solid` for a primary without
// a fill, `-disabled` forms, and its children's `-children` classes.
const BUTTON_CSS = /@nutui[\\/]nutui-react-taro[\\/]dist[\\/]es[\\/]packages[\\/]button[\\/]style[\\/]style\.css$/

/** What the app's NutUI Buttons use: no fill, shape, colour or icons of their own. */
const USED = { types: ['default', 'primary', 'danger'], sizes: ['large'] }

/** Every nut-button class a Button of these types and sizes (round, no fill, with or without loading) can have. */
function reachableClasses({ types, sizes }) {
  const p = 'nut-button'
  const classes = [p, `${p}-wrap`, `${p}-children`, `${p}-text`, `${p}-block`, `${p}-disabled`, `${p}-loading`, `${p}-icononly`, `${p}-round`]
  for (const type of types) {
    classes.push(`${p}-${type}`, `${p}-${type}-children`, `${p}-${type}-disabled`)
    if (type === 'primary') classes.push(`${p}-primary-solid`)
  }
  for (const size of sizes) classes.push(`${p}-${size}`, `${p}-${size}-children`, `${p}-round-${size}`)
  return new Set(classes)
}

const reachable = reachableClasses(USED)

/** A selector any of the app's Buttons can match: all its nut-button classes reachable, not right-to-left. */
function canMatch(selector) {
  if (/\.nut-rtl\b|\[dir=["']?rtl/.test(selector)) return false
  return (selector.match(/\.nut-button[\w-]*/g) ?? []).every((c) => reachable.has(c.slice(1)))
}

module.exports = () => ({
  postcssPlugin: 'weapp-nutui-buttons',
  Once(root) {
    if (!BUTTON_CSS.test(root.source?.input.file ?? '')) return
    root.walkRules((rule) => {
      const kept = rule.selectors.filter(canMatch)
      if (kept.length === 0) rule.remove()
      else if (kept.length < rule.selectors.length) rule.selectors = kept
    })
  },
})
module.exports.postcss = true
module.exports.USED = USED
