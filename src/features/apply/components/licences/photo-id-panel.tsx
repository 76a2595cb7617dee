import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MaterialView } from '@/contract/licences'
import { callApi } from '@/lib/http/client'
import { ApiError } from '@/lib/http/api-error'
import { checkIdNumber } from '@/core/validators'
import { TextField } from '@/components/form/text-field'
import { FilePicker } from '../file-picker'

type Ocr = { nameMasked: string | null; idMasked: string | null; checks: { field: string; ok: boolean; message: string }[] }

export interface PhotoIdPanelProps {
  onAttached: (view: MaterialView) => void
  onClose: () => void
}

/** Fallback when no e-licence can be used: photos of both sides; recognised fields are confirmed, others typed. */
export function PhotoIdPanel({ onAttached, onClose }: PhotoIdPanelProps) {
  const [front, setFront] = useState<string>()
  const [back, setBack] = useState<string>()
  const [ocr, setOcr] = useState<Ocr | null | 'unrecognised'>(null)
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const recognise = async (uploadId: string) => {
    setFront(uploadId)
    try {
      setOcr(await callApi('ocrIdCard', { body: { uploadId, side: 'front' } }))
    } catch (e) {
      if (e instanceof ApiError && e.code === 'OCR_NOT_RECOGNISED') setOcr('unrecognised')
      else setErrors({ form: e instanceof ApiError ? e.message : '识别失败，请重试' })
    }
  }

  const confirm = async () => {
    const found: Record<string, string> = {}
    if (!front) found.front = '请上传身份证人像面照片'
    if (!back) found.back = '请上传身份证国徽面照片'
    if (ocr === 'unrecognised') {
      if (!name.trim()) found['typed.name'] = '请输入姓名'
      const id = checkIdNumber(idNumber)
      if (!id.ok) found['typed.idNumber'] = id.message
    }
    setErrors(found)
    if (Object.keys(found).length > 0 || !front || !back) return
    setBusy(true)
    try {
      const typed = ocr === 'unrecognised' ? { name: name.trim(), idNumber: idNumber.trim() } : undefined
      onAttached(await callApi('photoIdCard', { body: { frontUploadId: front, backUploadId: back, typed } }))
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
      {ocr === 'unrecognised' && (
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
