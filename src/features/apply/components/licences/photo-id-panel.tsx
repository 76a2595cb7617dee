import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { IdCardWhose, MaterialView } from '@/contract/licences'
import { useSession } from '@/features/auth/stores/session-store'
import { callApi } from '@/lib/http/client'
import { ApiError } from '@/lib/http/api-error'
import { checkIdNumber } from '@/core/validators'
import { TextField } from '@/components/form/text-field'
import { FilePicker } from '../file-picker'

type Ocr = { nameMasked: string | null; idMasked: string | null; checks: { field: string; ok: boolean; message: string }[] }

export interface PhotoIdPanelProps {
  /** whose card it must be: the signed-in person's own is checked against their 渝快办 identity when recognised */
  whose?: IdCardWhose
  onAttached: (view: MaterialView) => void
  onClose: () => void
}

/** Fallback when no e-licence can be used: photos of both sides; recognised fields are confirmed, others typed. */
export function PhotoIdPanel({ whose, onAttached, onClose }: PhotoIdPanelProps) {
  // the applicant's own card: their 渝快办 real-name identity (shown masked) stands in when the photo is not read
  const identity = useSession((s) => (whose === 'own' ? s.me?.identity : undefined))
  const [typing, setTyping] = useState(false)
  const fromIdentity = !!identity && !typing
  const [front, setFront] = useState<string>()
  const [back, setBack] = useState<string>()
  const [ocr, setOcr] = useState<Ocr | null | 'unrecognised'>(null)
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const recognise = async (uploadId: string) => {
    setFront(uploadId)
    setErrors({})
    try {
      setOcr(await callApi('ocrIdCard', { body: { uploadId, side: 'front', whose } }))
    } catch (e) {
      setOcr(null)
      if (e instanceof ApiError && e.code === 'OCR_NOT_RECOGNISED') setOcr('unrecognised')
      else if (e instanceof ApiError && e.code === 'ID_NOT_OWN') { setFront(undefined); setErrors({ front: e.message }) }
      else setErrors({ form: e instanceof ApiError ? e.message : '识别失败，请重试' })
    }
  }

  const confirm = async () => {
    const found: Record<string, string> = {}
    if (!front) found.front = '请上传身份证人像面照片'
    if (!back) found.back = '请上传身份证国徽面照片'
    if (ocr === 'unrecognised' && !fromIdentity) {
      if (!name.trim()) found['typed.name'] = '请输入姓名'
      const id = checkIdNumber(idNumber)
      if (!id.ok) found['typed.idNumber'] = id.message
    }
    setErrors(found)
    if (Object.keys(found).length > 0 || !front || !back) return
    setBusy(true)
    try {
      const typed = ocr === 'unrecognised' && !fromIdentity ? { name: name.trim(), idNumber: idNumber.trim() } : undefined
      const body = { frontUploadId: front, backUploadId: back, typed, whose, fromIdentity: ocr === 'unrecognised' && fromIdentity }
      onAttached(await callApi('photoIdCard', { body }))
    } catch (e) {
      const fe = e instanceof ApiError ? e.fieldErrors : []
      setErrors(fe.length ? Object.fromEntries(fe.map((x) => [x.path, x.message])) : { form: e instanceof ApiError ? e.message : '提交失败，请重试' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='panel'>
      <Text className='panel__status'>请拍摄身份证原件，四角完整、字迹清晰。照片将由工作人员核验后删除。</Text>
      <FilePicker label='拍摄人像面' doneLabel='人像面已上传' allowPdf={false} uploaded={!!front} onUploaded={(u) => void recognise(u.uploadId)} />
      {errors.front && <View className='panel__error' role='alert'>{errors.front}</View>}
      <FilePicker label='拍摄国徽面' doneLabel='国徽面已上传' allowPdf={false} uploaded={!!back} onUploaded={(u) => setBack(u.uploadId)} />
      {errors.back && <View className='panel__error' role='alert'>{errors.back}</View>}
      {ocr && ocr !== 'unrecognised' && (
        <View className='info'>
          <Text>识别结果，请核对：姓名 {ocr.nameMasked}，证件号 {ocr.idMasked}</Text>
          {ocr.checks.map((c) => <Text key={c.field} className='material-card__row'>{c.ok ? '✓' : '✗'} {c.message}</Text>)}
        </View>
      )}
      {ocr === 'unrecognised' && fromIdentity && (
        <View className='info' role='status'>
          <Text>未能识别照片中的信息。这是您本人的身份证，已按您的渝快办实名信息填写：姓名 {identity.nameMasked}，证件号 {identity.idNumberMasked}。工作人员会与照片核对。</Text>
          <View className='licence-link' role='button' onClick={() => setTyping(true)}>照片上不是这些信息？手动填写</View>
        </View>
      )}
      {ocr === 'unrecognised' && !fromIdentity && (
        <View>
          <View className='notice'>未能识别照片中的信息，请手动填写，工作人员会与照片核对。</View>
          <TextField path='typed.name' label='姓名' value={name} onChange={setName} error={errors['typed.name']} maxlength={30} />
          <TextField path='typed.idNumber' label='公民身份号码' type='idcard' value={idNumber} onChange={setIdNumber} error={errors['typed.idNumber']} maxlength={18} placeholder='18位，末位可能是X' />
        </View>
      )}
      {errors.form && <View className='panel__error' role='alert'>{errors.form}</View>}
      <View className='panel__buttons'>
        <Button size='large' onClick={onClose}>取消</Button>
        <Button type='primary' size='large' loading={busy} disabled={busy} onClick={() => void confirm()}>确认使用</Button>
      </View>
    </View>
  )
}
