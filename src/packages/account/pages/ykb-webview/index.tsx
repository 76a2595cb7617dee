import { WebView } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'

/** Mini-program only: hosts 渝快办's consent page (the web-view domain must be configured for the app). */
export default function YkbWebviewPage() {
  const src = decodeURIComponent(useRouter().params.src ?? '')
  return <WebView src={src} />
}
