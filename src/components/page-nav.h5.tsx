import { useLayoutEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { dropPrerendered } from '@/features/start/prerendered'
import './page-nav.css'

const START = 'pages/index/index'
const routeOf = (page?: Taro.Page) => (page?.route ?? '').replace(/^\//, '').split('?')[0]

/**
 * H5 has no navigation bar of WeChat's: every page but the start page gets an in-app way on, 返回 to the page
 * before it, or 首页 when it was opened directly (a link from an SMS, a bookmark) and nothing lies behind it.
 */
export function PageNav() {
  const [way, setWay] = useState<'back' | 'home' | null>(null)
  // before the browser paints: a nav drawn a frame after the page moved everything below it down by its height
  // (the case page's skeleton, CLS 0.004-0.014)
  useLayoutEffect(() => {
    const pages = Taro.getCurrentPages()
    const here = routeOf(pages[pages.length - 1])
    const start = here === START || here === ''
    setWay(start ? null : pages.length > 1 ? 'back' : 'home')
    // the start page prerendered into index.html must never cover another page (the start page itself drops it)
    if (!start) dropPrerendered()
  }, [])
  if (!way) return null
  return (
    <View className='page-nav' role='navigation' aria-label='页面导航'>
      {way === 'back'
        ? <View className='page-nav__link' role='link' onClick={() => void Taro.navigateBack()}><Text aria-hidden>‹ </Text>返回</View>
        : <View className='page-nav__link' role='link' onClick={() => void Taro.reLaunch({ url: `/${START}` })}><Text aria-hidden>⌂ </Text>首页</View>}
    </View>
  )
}
