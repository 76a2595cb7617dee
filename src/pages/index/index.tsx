import { PageRoot } from '@/components/page-root'
import { useEffect } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReady } from '@tarojs/taro'
import { openPendingFromHome } from '@/features/apply/leave-wizard'
import { useCatalogue } from '@/features/services/stores/catalogue-store'
import { ServiceCard } from '@/features/services/components/service-card'
import { townshipSplitProviders } from '@/features/services/format'
import { isStandalone } from '@/core/standalone'
import { CatalogueSkeleton } from './catalogue-skeleton'
import { PromiseBanner } from './promise-banner'
import { ApplyEntry } from './apply-entry'
import { AccountBar } from './account-bar'
import { TrackEntry } from './track-entry'
import { LargeTextToggle } from '@/features/a11y/large-text-toggle'
import { handOverFromPrerendered } from '@/features/start/prerendered'
import './index.css'

export default function IndexPage() {
  const status = useCatalogue((s) => s.status)
  const catalogue = useCatalogue((s) => s.catalogue)
  const error = useCatalogue((s) => s.error)
  const load = useCatalogue((s) => s.load)

  useEffect(() => { void load() }, [load])
  // back from a journey that left for another page (the result after submitting): go there, with home below it
  useDidShow(openPendingFromHome)
  usePullDownRefresh(() => { void load(true).finally(() => Taro.stopPullDownRefresh()) })
  // H5: this page is on screen now, beneath the copy prerendered into index.html (and a tap on that copy is made here)
  useReady(handOverFromPrerendered)

  return (
    <PageRoot className='index'>
      <PromiseBanner />
      <ApplyEntry />
      <TrackEntry />
      <AccountBar />
      <LargeTextToggle />
      <Text className='index__title'>可办理的业务</Text>
      {(status === 'loading' || status === 'idle') && !catalogue && <CatalogueSkeleton />}
      {status === 'error' && (
        <View className='index__error' role='alert'>
          <Text>服务目录加载失败：{error}</Text>
          <View className='index__retry' role='button' onClick={() => void load(true)}>重新加载</View>
        </View>
      )}
      {catalogue?.services.filter(isStandalone).map((s) => <ServiceCard key={s.code} service={s} materials={catalogue.materials} />)}
      {catalogue && (
        <Text className='index__suppliers'>
          供电企业：{townshipSplitProviders(catalogue).map((s) => s.name).join('、')}。按用电地址所在乡镇街道确定。
          同一地址的用水、用气、宽带可在申请时一并办理。
        </Text>
      )}
      <View className='index__times' role='link' onClick={() => void Taro.navigateTo({ url: '/packages/public/pages/times/index' })}>
        <Text className='index__times-title'>办电用时公示</Text>
        <Text className='index__times-sub'>各供电企业近12个月实际接电用时与承诺时限</Text>
      </View>
      <View className='index__staff' role='link' onClick={() => void Taro.navigateTo({ url: '/packages/staff/pages/search/index' })}>工作人员入口</View>
    </PageRoot>
  )
}
