import { useEffect, useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { TextArea } from '@/components/form/text-area'
import { Button } from '@nutui/nutui-react-taro'
import type { LicenceKind, MaterialView } from '@/contract/licences'
import { isUsable } from '@/contract/constants'
import { callApi } from '@/lib/http/client'
import { ApiError } from '@/lib/http/api-error'
import { CAMERA_SCAN, scanCode } from '@/lib/scan/scan-code'
import { pollScan } from '../../api/poll-scan'
import { MaterialCard } from './material-card'

export interface ScanPanelProps {
  kind: LicenceKind
  onAttached: (view: MaterialView) => void
  onClose: () => void
}

const HOW: Record<LicenceKind, string> = {
  'id-card': '请持证人打开渝快办“亮证”，出示身份证电子证照二维码。',
  property: '扫描持证人渝快办“亮证”中的不动产权证书二维码，或纸质不动产权证书上的二维码。',
}

/** 亮证: scan (or paste, on H5) the holder's code, wait for the holder to authorise, then attach the licence. */
export function ScanPanel({ kind, onAttached, onClose }: ScanPanelProps) {
  const [qr, setQr] = useState('')
  const [status, setStatus] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  /** a licence the code led to that cannot be used (cancelled, expired): shown here with what to do, not attached */
  const [refused, setRefused] = useState<MaterialView | null>(null)
  const cancelled = useRef(false)
  useEffect(() => () => { cancelled.current = true }, [])

  const submit = async (content: string) => {
    setBusy(true)
    setError('')
    setRefused(null)
    try {
      const begun = await callApi('scanBegin', { body: { qr: content, expect: kind } })
      const done = begun.status === 1 ? (setStatus(begun.message), await pollScan(begun.txnId, () => cancelled.current)) : begun
      if (!done) return setError('等待持证人授权超时，请重新扫码')
      if (done.status === 2 && done.material && isUsable(done.material)) onAttached(done.material)
      else if (done.status === 2 && done.material) setRefused(done.material)
      else setError(`${done.message}。可以请持证人重新出示亮证码后再扫，或点“取消”改用其他方式。`)
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.message) : '扫码核验失败，请重试')
    } finally {
      setStatus('')
      setBusy(false)
    }
  }

  const scan = async () => {
    const content = await scanCode()
    if (content) await submit(content)
  }

  return (
    <View className='panel'>
      <Text className='panel__status'>{HOW[kind]}</Text>
      {!CAMERA_SCAN && (
        <View>
          <Text className='panel__status'>网页版无法调用相机扫码：请粘贴二维码下方显示的内容。</Text>
          <TextArea
            className='panel__textarea'
            value={qr}
            maxlength={2048}
            placeholder='粘贴二维码内容'
            label='二维码内容'
            onChange={setQr}
          />
        </View>
      )}
      {status && <Text className='panel__status' aria-live='polite'>{status}</Text>}
      {error && <View className='panel__error' role='alert'>{error}</View>}
      {refused && (
        <View className='panel__refused'>
          <MaterialCard view={refused} />
          <Text className='panel__status'>这张证书不能用于本次申请。可以扫描另一张有效证书的二维码，或点“取消”改用拍照上传{kind === 'property' ? '、一证受理' : ''}。</Text>
        </View>
      )}
      <View className='panel__buttons'>
        <Button size='large' onClick={onClose}>取消</Button>
        <Button type='primary' size='large' loading={busy} disabled={busy} onClick={() => void (CAMERA_SCAN ? scan() : submit(qr.trim()))}>
          {CAMERA_SCAN ? '扫码' : '核验'}
        </Button>
      </View>
    </View>
  )
}
