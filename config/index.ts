import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { RouteChunksPlugin } from './route-chunks-plugin'
import { terser } from './terser'
import { stubUnusedAxios } from './axios-stubs'

const isH5 = process.env.TARO_ENV === 'h5'

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'wanzhou-bandian',
    date: '2026-11-26',
    // NutUI is drawn at 375 px; our own styles at 750.
    designWidth(input) {
      const file = typeof input === 'object' && input ? (input as { file?: string }).file ?? '' : ''
      return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // WZ_OUTPUT_ROOT lets parallel builds (or a benchmark) write elsewhere than dist/<platform>
    outputRoot: process.env.WZ_OUTPUT_ROOT ?? `dist/${process.env.TARO_ENV}`,
    // @tarojs/plugin-http is left out: it only shims XMLHttpRequest, fetch and FormData in mini-programs, and axios
    // there goes through our own adapter over wx.request (src/lib/http/platform-adapter.weapp.ts). The second
    // leaves scroll-view's templates out of the weapp's base.wxml unless something imports ScrollView.
    plugins: ['@tarojs/plugin-html', path.join(__dirname, 'weapp-template-components.js')],
    // Mini-programs only: template levels written into the weapp's base.wxml (Taro's default is 16, 2.7–5.9 KB of
    // WXML each, in the main package). A node nested deeper is drawn through Taro's recursive comp component
    // instead. Our deepest page (证照材料) draws at level 6; test:weapp fails any page that would go through comp.
    baseLevel: 10,
    defineConstants: {},
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      // Prebundling is a dev-server speed-up only (config/dev.ts turns it on).
      prebundle: { enable: false },
    },
    cache: { enable: false },
    terser,
    mini: {
      optimizeMainPackage: { enable: true },
      // No weapp code sets innerHTML or dangerouslySetInnerHTML (lint forbids them outside *.h5.* files), so Taro's
      // HTML parser (scanner, style and tag tables) is left out of taro.js. plugin-html's tags in JSX (the tables)
      // do not need it: they are mapped to mini-program components as they render.
      runtime: { enableInnerHTML: false },
      // Requests go through our own adapter over wx.request (src/lib/http/platform-adapter.weapp.ts, always passed
      // to axios.create), so neither of axios's adapters runs in the mini-program: both are stubs
      // (config/axios-stubs), as are the parts of axios no request reaches.
      webpackChain(chain, webpack) {
        stubUnusedAxios(chain, webpack, /axios[\\/]lib[\\/]adapters[\\/](xhr|fetch)\.js$/)
        // @tarojs/taro's entry with ES imports of Taro's runtime, so that webpack leaves out what nothing uses
        // (config/weapp-taro/index.js); @tarojs/api is resolved where @tarojs/taro finds it.
        const taroDir = path.dirname(require.resolve('@tarojs/taro/package.json'))
        chain.resolve.alias
          .set('@tarojs/taro$', path.join(__dirname, 'weapp-taro', 'index.js'))
          .set('@tarojs/api$', path.dirname(require.resolve('@tarojs/api/package.json', { paths: [taroDir] })))
      },
      postcss: {
        // WeChat draws pages in a WebView: WKWebView on iOS (11.3 on, as the scripts need: babel.config.js), on
        // Android its Chromium-based XWeb, or the system's WebView (Chromium 37 on from Android 5). package.json's
        // browserslist (iOS 8, Android 4.1, IE) had -webkit- and -ms- copies of each flex property in every stylesheet.
        autoprefixer: { enable: true, config: { overrideBrowserslist: ['ios >= 11.3', 'chrome >= 37'] } },
        pxtransform: { enable: true, config: { selectorBlackList: ['nut-'] } },
        cssModules: { enable: false },
        './config/weapp-icon-animations.js': { enable: true },
        './config/weapp-nutui-buttons.js': { enable: true },
      },
    },
    h5: {
      publicPath: '/',
      // Taro's React components (View, Text, Button, Input, Image, ScrollView, Picker …) as React code drawing plain
      // elements instead of Stencil web components: the Stencil runtime and the wrappers of every component leave the
      // start page's scripts (137.4 → 120.6 KiB as sent). Components without a React version (Textarea, Checkbox,
      // Label, WebView) still come from Stencil, loaded only by the pages that use them.
      useHtmlComponents: true,
      staticDirectory: 'static',
      router: { mode: 'hash' },
      devServer: { host: '127.0.0.1', port: 10086 },
      // Pages load lazily; what several pages share (NutUI, stores, the client) is in shared chunks, not a copy in
      // each, split by which pages use it (no one fixed name): a page loads the shared code it needs, not all of it
      // (the start page took 35 KB brotli of a single pages-common chunk, most of it for other pages' components).
      webpackChain(chain, webpack) {
        // axios's fetch adapter (never chosen where XMLHttpRequest exists) and the parts no request reaches
        stubUnusedAxios(chain, webpack, /axios[\\/]lib[\\/]adapters[\\/]fetch\.js$/)
        chain.plugin('h5-view').use(webpack.NormalModuleReplacementPlugin, [
          /@tarojs[\\/]components-react[\\/]dist[\\/]components[\\/]view[\\/]index\.js$/, path.join(__dirname, 'h5-view.js'),
        ])
        chain.optimization.splitChunks({
          chunks: 'all',
          cacheGroups: {
            vendors: { test: /[\\/]node_modules[\\/]/, chunks: 'initial', name: 'vendors', priority: 10, reuseExistingChunk: true },
            pagesCommon: { chunks: 'async', minChunks: 2, priority: 5, reuseExistingChunk: true },
          },
        })
        chain.plugin('route-chunks').use(RouteChunksPlugin)
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: { selectorBlackList: ['nut-'] } },
        cssModules: { enable: false },
      },
    },
  }
  if (isH5) baseConfig.h5 = { ...baseConfig.h5 }
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig)
})
