// The weapp build's @tarojs/taro (config/index.ts aliases it here). Taro's own entry takes `hooks` with
// `require('@tarojs/runtime')`, a CommonJS require of the whole package, so webpack keeps every export of Taro's
// runtime in taro.js, used or not (its HTML parser, SVG element, polyfills). This one does the same in two steps:
// init.js takes `hooks` and the API with ES imports, which webpack follows export by export; this file hands the
// API on as CommonJS, as Taro's entry does, so `import Taro, { useDidShow } from '@tarojs/taro'` reads properties
// of the same object. test/unit/config/weapp-taro.test.ts fails when Taro's entry changes.
const taro = require('./init.js').default

module.exports = taro
module.exports.default = module.exports
