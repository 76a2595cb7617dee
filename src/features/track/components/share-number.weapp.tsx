import { Button } from '@tarojs/components'
import { useShareAppMessage } from '@tarojs/taro'
import { lookupShare, type NumberLabel } from '../share-lookup'

interface ShareTarget { dataset?: { number?: string; label?: NumberLabel } }

/**
 * WeChat 分享: a share card of the 查询进度 page with the number filled in (the page config must enable
 * enableShareAppMessage); the top-right menu's 转发 sends the same card. Nothing personal is in it (see lookupShare).
 * A page has one share handler, however many of these it shows (the result page of a 一件事: the application's and
 * the 一件事's): the card is for the number on the button tapped, or from the menu for the last one shown.
 */
export function ShareNumber({ number, label = '申请编号' }: { number: string; label?: NumberLabel }) {
  useShareAppMessage((res) => {
    const tapped = res.from === 'button' ? (res.target as ShareTarget | undefined)?.dataset : undefined
    const { title, path } = lookupShare(tapped?.number ?? number, tapped?.label ?? label)
    return { title, path }
  })
  return (
    <Button className='copy-number__button copy-number__share' openType='share' data-number={number} data-label={label}
      aria-label={`分享${label}${number}`}>分享</Button>
  )
}
