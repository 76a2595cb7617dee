import { View } from '@tarojs/components'

/** Placeholder cards shaped like the service cards, shown while the catalogue loads. */
export function CatalogueSkeleton() {
  return (
    <View aria-busy='true' aria-label='正在加载业务列表'>
      {[0, 1, 2].map((i) => (
        <View className='skeleton-card' key={i}>
          <View className='skeleton-line skeleton-line--title' />
          <View className='skeleton-line' />
          <View className='skeleton-line skeleton-line--short' />
        </View>
      ))}
    </View>
  )
}
