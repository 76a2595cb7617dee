import { useState, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './copy-number.css'

export interface CopyNumberProps {
  /** the application number to copy (to quote on the phone, paste into 查询进度, or send to family) */
  number: string
  /** what the number is called (read out by screen readers): 申请编号 unless said */
  label?: string
  /** more ways to hand the number on, beside 复制 (分享) */
  children?: ReactNode
}

/** 复制: the number onto the clipboard. WeChat and Taro's H5 confirm a copy themselves (内容已复制); a failure is said here. */
export function CopyNumber({ number, label = '申请编号', children }: CopyNumberProps) {
  const [failed, setFailed] = useState(false)
  const copy = () => {
    setFailed(false)
    Taro.setClipboardData({ data: number }).catch(() => setFailed(true))
  }
  return (
    <View className='copy-number'>
      <View className='copy-number__button' role='button' aria-label={`复制${label}${number}`} onClick={copy}>复制</View>
      {children}
      {failed && <View className='copy-number__failed' role='alert'>复制失败，请长按编号手动复制</View>}
    </View>
  )
}
