import { PageRoot } from '@/components/page-root'
import { CopyNumber } from '@/components/copy-number'
import { ShareNumber } from '@/features/track/components/share-number'
import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { Receipt } from '@/contract/applications'
import { fetchReceipt } from '@/features/apply/api/contract-and-receipt'
import { ApiError } from '@/lib/http/api-error'
import { useLastReceipt } from '@/features/apply/submit'
import { goHome } from '@/features/apply/leave-wizard'
import { weekdayOf } from '@/core/calendar/china-date'
import { SERVICES } from '@/core/services'
import { JointReceiptCard } from '@/features/joint/joint-receipt'
import './result.css'

const weekday = (date: string) => '日一二三四五六'[weekdayOf(date)]

/** 0 yuan is what the utility charges; at 10 kV the customer-side works are the applicant's own cost, so say so. */
function feeWords(receipt: Receipt): string {
  if (receipt.feeYuan === null) return '按收费标准'
  if (receipt.feeYuan !== 0) return `${receipt.feeYuan}元`
  const service = SERVICES.find((s) => s.name === receipt.serviceName)
  return service?.voltage === '10kV' ? `0元。${service.feeNote}` : '0元，不收取任何费用'
}

/** After submitting: the number, the promise (working days and a date), the fee, what happens next, help. */
export default function ResultPage() {
  const number = useRouter().params.number ?? ''
  const last = useLastReceipt((s) => s.receipt)
  const [receipt, setReceipt] = useState<Receipt | null>(last?.number === number ? last : null)
  const [error, setError] = useState('')

  useEffect(() => {
    if (receipt || !number) return
    fetchReceipt(number).then(setReceipt)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : '回执加载失败，请重试'))
  }, [number, receipt])

  if (error) return <PageRoot className='result'><View className='notice' role='alert'>{error}</View></PageRoot>
  if (!receipt) return <PageRoot className='result' busy><Text>正在加载回执…</Text></PageRoot>
  return (
    <PageRoot className='result'>
      <View className='result__panel' role='status'>
        <Text className='result__title'>申请已提交</Text>
        <Text className='result__label'>申请编号</Text>
        <Text className='result__number' selectable>{receipt.number}</Text>
        <CopyNumber number={receipt.number}><ShareNumber number={receipt.number} /></CopyNumber>
      </View>
      <View className='result__facts'>
        <Text className='result__fact'>办理业务：{receipt.serviceName}</Text>
        <Text className='result__fact'>供电企业：{receipt.supplierName}</Text>
        <Text className='result__fact'>
          承诺时限：全流程{receipt.limitKind === 'average' ? '平均' : ''}不超过{receipt.limitDays}个工作日
        </Text>
        <Text className='result__fact result__fact--strong'>
          {receipt.limitKind === 'average' ? '按平均时限参考：' : '预计'}{receipt.expectedBy}（星期{weekday(receipt.expectedBy)}）前完成
          {receipt.expectedByEstimated ? '（该年度节假日尚未公布，日期按工作日估算）' : ''}
        </Text>
        <Text className='result__fact'>费用：{feeWords(receipt)}</Text>
      </View>
      {receipt.joint && <JointReceiptCard joint={receipt.joint} />}
      {receipt.pendingReview.length > 0 && (
        <View className='notice'>{receipt.pendingReview.map((p) => <Text key={p} className='result__line'>{p}</Text>)}</View>
      )}
      <View className='result__section'>
        <Text className='result__h2'>接下来</Text>
        {receipt.nextSteps.map((s, i) => <Text key={s} className='result__line'>{i + 1}. {s}</Text>)}
      </View>
      <View className='result__section'>
        <Text className='result__h2'>查询和帮助</Text>
        <Text className='result__line'>在“我的申请”中随时查看进度；家人也可以凭申请编号和手机号在首页“查询进度”免登录查询。有疑问请拨打供电服务热线95598。</Text>
      </View>
      <Button block type='primary' size='large' className='result__button'
        onClick={() => void Taro.redirectTo({ url: `/packages/track/pages/detail/index?number=${receipt.number}` })}>查看办理进度</Button>
      <Button block size='large' className='result__button' onClick={goHome}>返回首页</Button>
    </PageRoot>
  )
}
