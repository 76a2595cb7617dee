// Taro plugin (config/index.ts, plugins), weapp build: Taro writes a template into base.wxml, at every level, for
// each component the app imports from @tarojs/components, plus a few it always includes (view, text, image and
// their variants, and scroll-view). scroll-view's is the largest (2.3 KB of WXML per level, 4 levels) and nothing
// in the app draws one. It is left out of that default list only: a module that imports ScrollView puts it back,
// as Taro adds every component it sees imported from @tarojs/components while it builds.
module.exports = (ctx) => {
  ctx.modifyComponentConfig(({ componentConfig }) => {
    if (process.env.TARO_ENV === 'weapp') componentConfig.includes.delete('scroll-view')
  })
}
