import { useState, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import { COPY_CONFIRMED_BY_PLATFORM, copyText } from '@/lib/clipboard'
import './copy-number.css'

export interface CopyNumberProps {
  /** the application number to copy (to quote on the phone, paste into 查询进度, or send to family) */
  number: string
  /** what the number is called (read out by screen readers): 申请编号 unless said */
  label?: string
  /** more ways to hand the number on, beside 复制 (分享) */
  children?: ReactNode
}

/** 复制: the number onto the clipboard. WeChat confirms a copy itself (内容已复制); elsewhere it is said here, as is a failure. */
export function CopyNumber({ number, label = '申请编号', children }: CopyNumberProps) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null)
  const copy = () => {
    setOutcome(null)
    copyText(number).then(() => setOutcome('copied'), () => setOutcome('failed'))
  }
  return (
    <View className='copy-number'>
      <View className='copy-number__button' role='button' aria-label={`复制${label}${number}`} onClick={copy}>复制</View>
      {children}
      {outcome === 'copied' && !COPY_CONFIRMED_BY_PLATFORM && <View className='copy-number__said' role='status'>内容已复制</View>}
      {outcome === 'failed' && <View className='copy-number__failed' role='alert'>复制失败，请长按编号手动复制</View>}
    </View>
  )
}
