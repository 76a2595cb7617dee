import { WebView } from '@tarojs/components'

export interface YkbFrameProps {
  /** 渝快办's consent page */
  src: string
}

/** Mini-program: 渝快办's consent page in a web-view (its domain must be configured for the app). */
export function YkbFrame({ src }: YkbFrameProps) {
  return <WebView src={src} />
}
