import Taro from '@tarojs/taro'
import { createJSONStorage, type StateStorage } from 'zustand/middleware'

/**
 * Synchronous storage over Taro's (wx.getStorageSync on weapp, localStorage on H5), so persisted state is
 * there at first render. WeChat allows 1 MB per key: persist answers and ids, never files.
 */
const taroStateStorage: StateStorage = {
  getItem: (name) => {
    const v: unknown = Taro.getStorageSync(name)
    return typeof v === 'string' && v !== '' ? v : null
  },
  setItem: (name, value) => Taro.setStorageSync(name, value),
  removeItem: (name) => Taro.removeStorageSync(name),
}

export const taroStorage = createJSONStorage(() => taroStateStorage)
