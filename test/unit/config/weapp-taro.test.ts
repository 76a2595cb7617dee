import fs from 'node:fs'

/**
 * config/weapp-taro stands in for @tarojs/taro's entry in the weapp build and does what it does with ES imports.
 * That holds only while Taro's entry is the one it was written from: on a Taro upgrade that changes it, this
 * fails, and config/weapp-taro/init.js is to be brought in step (or the alias in config/index.ts dropped).
 */
const TARO_ENTRY_IT_MIRRORS = `
const { hooks } = require('@tarojs/runtime')
const taro = require('@tarojs/api').default

if (hooks.isExist('initNativeApi')) {
  hooks.call('initNativeApi', taro)
}

module.exports = taro
module.exports.default = module.exports
`

const words = (s: string) => s.replace(/\s+/g, ' ').trim()

describe('the weapp build\'s stand-in for @tarojs/taro\'s entry', () => {
  it('should mirror the entry of the installed @tarojs/taro', () => {
    const entry = fs.readFileSync(require.resolve('@tarojs/taro/index.js'), 'utf8')
    expect(words(entry)).toBe(words(TARO_ENTRY_IT_MIRRORS))
  })
})
