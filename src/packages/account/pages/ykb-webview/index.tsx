import { useRouter } from '@tarojs/taro'
import { YkbFrame } from './ykb-frame'

/** Mini-program only: hosts 渝快办's consent page (ykb-frame.h5.tsx says what a browser shows instead). */
export default function YkbWebviewPage() {
  return <YkbFrame src={decodeURIComponent(useRouter().params.src ?? '')} />
}
