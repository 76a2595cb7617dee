// PostCSS plugin for the weapp build (config/index.ts, mini.postcss): NutUI's icon stylesheet comes with every
// icon (a NutUI Button's loading spinner brings it into the main package) and carries seven animations that an
// icon shows only when given a `nut-icon-am-*` class, which nothing in the app or in NutUI's components does.
// Those classes, and the keyframes only they use, are left out; the loading spinner's rotation stays.
const ICON_CSS = /@nutui[\\/]icons-react-taro[\\/]dist[\\/]style_icon\.css$/

module.exports = () => ({
  postcssPlugin: 'weapp-icon-animations',
  Once(root) {
    if (!ICON_CSS.test(root.source?.input.file ?? '')) return
    root.walkRules(/\.nut-icon-am-/, (rule) => { rule.remove() })
    const used = new Set()
    root.walkDecls(/^(-webkit-)?animation(-name)?$/, (decl) => { for (const word of decl.value.split(/[\s,]+/)) used.add(word) })
    root.walkAtRules(/keyframes$/, (keyframes) => { if (!used.has(keyframes.params)) keyframes.remove() })
  },
})
module.exports.postcss = true
