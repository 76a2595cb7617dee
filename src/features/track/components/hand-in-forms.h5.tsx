import { lazy, Suspense, type ComponentType } from 'react'
import { View, Text } from '@tarojs/components'

/**
 * H5: the forms a case page shows only when the case waits for something from the applicant (补正, 物权证明, a 10 kV
 * checkpoint's materials) load when one is needed. With their file pickers and e-licence slots they were 7.7 KB
 * brotli, two more chunks, on every case page opened, most of which never show one.
 */
function whenNeeded<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  // typed as what it draws: React's LazyExoticComponent adds a ref that none of these forms takes
  const Lazy = lazy(async () => ({ default: await load() })) as unknown as ComponentType<P>
  return function HandInForm(props: P) {
    return (
      <Suspense fallback={<View className='app-card' aria-busy='true'><Text className='app-card__line'>正在打开表单…</Text></View>}>
        <Lazy {...props} />
      </Suspense>
    )
  }
}

export const SupplementBox = whenNeeded(() => import('./supplement-box').then((m) => m.SupplementBox))
export const PropertyProofCard = whenNeeded(() => import('./property-proof-card').then((m) => m.PropertyProofCard))
export const UploadBox = whenNeeded(() => import('./upload-box').then((m) => m.UploadBox))
