import Taro from '@tarojs/taro'

/** WeChat says 内容已复制 itself once a copy is made: the page adds nothing. */
export const COPY_CONFIRMED_BY_PLATFORM = true

/** Puts `text` on the clipboard; rejects when it could not. */
export async function copyText(text: string): Promise<void> {
  await Taro.setClipboardData({ data: text })
}
