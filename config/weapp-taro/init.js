// What @tarojs/taro's entry (node_modules/@tarojs/taro/index.js) does, with ES imports: see index.js here.
import { hooks } from '@tarojs/runtime'
import taro from '@tarojs/api'

if (hooks.isExist('initNativeApi')) {
  hooks.call('initNativeApi', taro)
}
export default taro
