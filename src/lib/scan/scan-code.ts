import Taro from '@tarojs/taro'

/** The mini-program scans with the camera. */
export const CAMERA_SCAN = true
export async function scanCode(): Promise<string | null> {
  try {
    const r = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] })
    return r.result
  } catch {
    return null // cancelled
  }
}
