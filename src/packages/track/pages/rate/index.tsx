import { PageRoot } from '@/components/page-root'
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { TextArea } from '@/components/form/text-area'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { ChoiceList } from '@/components/form/choice-list'
import { Field } from '@/components/form/field'
import { ErrorSummary } from '@/components/form/error-summary'
import type { FieldError } from '@/contract'
import { trackApi } from '@/features/track/api/track-api'
import { ApiError } from '@/lib/http/api-error'
import { RATING_GRADES as GRADE_WORDS, RATING_INDICATORS as INDICATORS } from '@/contract/constants'
import '@/features/track/components/track.css'

type Grade = '5' | '4' | '3' | '2' | '1'

/** 好差评: one of the five official grades, the online indicators (optional), a comment (optional). Once per case. */
export default function RatePage() {
  const number = useRouter().params.number ?? ''
  const [grade, setGrade] = useState<Grade>()
  const [indicators, setIndicators] = useState<Record<string, number>>({})
  const [comment, setComment] = useState('')
  const [errors, setErrors] = useState<FieldError[]>([])
  const [busy, setBusy] = useState(false)
  /** a refusal nothing on this page can fix (already rated, not yet completed) */
  const [done, setDone] = useState('')

  const submit = async () => {
    if (!grade) return setErrors([{ path: 'grade', message: '请选择评价等级' }])
    setBusy(true)
    try {
      await trackApi.rate(number, { grade: Number(grade), indicators, comment: comment.trim() || undefined })
      await Taro.showToast({ title: '感谢您的评价', icon: 'success' })
      void Taro.navigateBack()
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'ALREADY_RATED' || e.code === 'ACTION_NOT_ALLOWED')) setDone(e.message)
      else setErrors(e instanceof ApiError && e.fieldErrors.length ? e.fieldErrors : [{ path: 'grade', message: e instanceof ApiError ? e.message : '提交失败，请重试' }])
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageRoot className='track-page'>
      <View className='section-title' role='heading' aria-level={1}>您对本次办电服务满意吗？</View>
      {done && <View className='notice' role='alert'>{done}</View>}
      <ErrorSummary errors={errors} />
      <ChoiceList<Grade> path='grade' label='总体评价' value={grade} error={errors.find((e) => e.path === 'grade')?.message}
        onChange={setGrade} choices={(['5', '4', '3', '2', '1'] as Grade[]).map((g) => ({ value: g, label: GRADE_WORDS[g] }))} />
      {(grade === '1' || grade === '2') && <View className='info'>我们会在15个工作日内联系您了解情况并整改。</View>}
      <Field path='indicators' label='分项评价（可选）' hint='每项1到5星，点星星打分'>
        {INDICATORS.map((name) => (
          <View key={name} className='rate-row'>
            <Text className='rate-row__name'>{name}</Text>
            <View className='rate-row__stars' role='radiogroup' aria-label={name}>
              {[1, 2, 3, 4, 5].map((n) => (
                <View key={n} role='radio' aria-checked={indicators[name] === n} aria-label={`${name}${n}星`}
                  className={`star${(indicators[name] ?? 0) >= n ? ' star--on' : ''}`} onClick={() => setIndicators((s) => ({ ...s, [name]: n }))}>
                  {(indicators[name] ?? 0) >= n ? '★' : '☆'}
                </View>
              ))}
            </View>
            <Text className='rate-row__value'>{indicators[name] ? `${indicators[name]}星` : '未评'}</Text>
          </View>
        ))}
      </Field>
      <Field path='comment' label='意见建议（可选）'>
        <TextArea className='panel__textarea' value={comment} maxlength={300} label='意见建议' onChange={setComment} />
      </Field>
      <Button block type='primary' size='large' loading={busy} disabled={busy} onClick={() => void submit()}>提交评价</Button>
    </PageRoot>
  )
}
