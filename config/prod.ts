import type { UserConfigExport } from '@tarojs/cli'
import { PrecompressPlugin } from './precompress-plugin'

export default {
  mini: {},
  h5: {
    // Ready-made .br and .gz beside each script and stylesheet, for the server to send as they are
    // (composed with the base webpackChain by the merge: webpack-merge calls both).
    webpackChain(chain) {
      chain.plugin('precompress').use(PrecompressPlugin)
    },
  },
} satisfies UserConfigExport<'webpack5'>
