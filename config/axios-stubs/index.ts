import path from 'node:path'
import type Webpack from 'webpack'
import type Chain from 'webpack-chain'

// Parts of axios no request of ours reaches, each replaced at build time by a stub from this folder: turning FormData
// into JSON and objects into url-encoded forms (every body is JSON), CancelToken (nothing cancels a request that
// way) and the HttpStatusCode table (the app compares status numbers). Each build also leaves out the adapters it
// never chooses: both on weapp (requests go through our adapter over wx.request), fetch on H5 (axios takes its
// XMLHttpRequest adapter first wherever XMLHttpRequest exists, which is every browser the app supports).
const UNUSED: [RegExp, string][] = [
  [/axios[\\/]lib[\\/](helpers[\\/](formDataToJSON|toURLEncodedForm)|cancel[\\/]CancelToken)\.js$/, 'unreachable.js'],
  [/axios[\\/]lib[\\/]helpers[\\/]HttpStatusCode\.js$/, 'no-status-codes.js'],
]

/** Replaces the unused parts of axios, and the adapters matched by `adapters`, with their stubs. */
export function stubUnusedAxios(chain: Chain, webpack: typeof Webpack, adapters: RegExp): void {
  const stubs: [RegExp, string][] = [[adapters, 'no-adapter.js'], ...UNUSED]
  stubs.forEach(([part, stub], i) => {
    chain.plugin(`axios-unused-${i}`).use(webpack.NormalModuleReplacementPlugin, [part, path.join(__dirname, stub)])
  })
}
