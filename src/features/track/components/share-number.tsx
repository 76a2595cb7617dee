import { useState } from 'react'
import { View } from '@tarojs/components'
import { copyText } from '@/lib/clipboard'
import { lookupShare, type NumberLabel } from '../share-lookup'

/** The H5 address of an app path (hash router): what opens the page in anyone's browser. */
const linkTo = (path: string) => `${window.location.origin}${window.location.pathname}#${path}`

/**
 * H5 分享: the phone's share sheet (Web Share API) where the browser has one, else the link copied with a word of
 * what to do with it. It hands on the 查询进度 page with the number filled in, nothing more (see lookupShare).
 */
export function ShareNumber({ number, label = '申请编号' }: { number: string; label?: NumberLabel }) {
  const [said, setSaid] = useState('')
  const share = async () => {
    setSaid('')
    const { title, text, path } = lookupShare(number, label)
    const url = linkTo(path)
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, text, url })
        return
      } catch (e) {
        // closing the share sheet is a choice, not a failure; anything else falls back to copying
        if (e instanceof Error && e.name === 'AbortError') return
      }
    }
    try {
      await copyText(`${text}${url}`)
      setSaid('查询链接已复制，粘贴发给家人即可；对方需凭您的手机号和验证码才能查看')
    } catch {
      setSaid(`复制失败，请长按复制这个链接：${url}`)
    }
  }
  return (
    <>
      <View className='copy-number__button' role='button' aria-label={`分享${label}${number}`} onClick={() => void share()}>分享</View>
      {said && <View className='copy-number__said' role='status'>{said}</View>}
    </>
  )
}
