import { Button } from '@tarojs/components'
import { useShareAppMessage } from '@tarojs/taro'
import { lookupShare } from '../share-lookup'

/**
 * WeChat 分享: a share card of the 查询进度 page with the number filled in (the page config must enable
 * enableShareAppMessage); the top-right menu's 转发 sends the same card. Nothing personal is in it (see lookupShare).
 */
export function ShareNumber({ number }: { number: string }) {
  useShareAppMessage(() => {
    const { title, path } = lookupShare(number)
    return { title, path }
  })
  return <Button className='copy-number__button copy-number__share' openType='share' aria-label={`分享申请编号${number}`}>分享</Button>
}
