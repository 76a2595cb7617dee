import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { useFontScaleStyle } from '@/features/a11y/font-scale-store'
import { PageNav } from './page-nav'

export interface PageRootProps {
  className: string
  busy?: boolean
}

/** Every page's outermost element: carries the text scale (大字模式 / system font size) to all inside, and on H5 the way back or home. */
export function PageRoot({ className, busy, children }: PropsWithChildren<PageRootProps>) {
  return <View className={`page-root ${className}`} style={useFontScaleStyle()} aria-busy={busy}><PageNav />{children}</View>
}
