import { useState, type ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import type { IdCardWhose, LicenceKind, MaterialView } from '@/contract/licences'
import { FilePicker } from '../file-picker'
import { callApi } from '@/lib/http/client'
import { MaterialCard } from './material-card'
import { ScanPanel } from './scan-panel'
import { PhotoIdPanel } from './photo-id-panel'
import './licences.css'

export interface LicenceSlotProps {
  kind: LicenceKind
  title: string
  hint: string
  /** the attached material, if any */
  attached?: MaterialView
  /** a licence that was found but cannot be used (cancelled, expired) */
  refused?: MaterialView
  error?: string
  anchor: string
  onAttach: (view: MaterialView) => void
  /** extra choices under the standard ones (e.g. 一证受理) */
  extra?: ReactNode
  /** the authorised-retrieval action for this slot, when the holder is the signed-in user */
  authorised?: { busy: boolean; run: () => void }
  /** an ID card's: the signed-in person's own (checked against their 渝快办 identity at the photo) or the 用电人's */
  whose?: IdCardWhose
}

type Panel = 'scan' | 'photo' | null

/** One material: what is attached, or the ways to provide it, e-licence first and photo last. */
export function LicenceSlot({ kind, title, hint, attached, refused, error, anchor, onAttach, extra, authorised, whose }: LicenceSlotProps) {
  const [panel, setPanel] = useState<Panel>(null)
  const [changing, setChanging] = useState(false)
  const attach = (v: MaterialView) => { setPanel(null); setChanging(false); onAttach(v) }

  const photoProperty = async (uploadId: string) => attach(await callApi('photoProperty', { body: { uploadId } }))

  return (
    <View id={anchor} className={`licence-section${error ? ' licence-section--error' : ''}`}>
      <Text className='licence-section__title'>{title}</Text>
      <Text className='licence-section__hint'>{hint}</Text>
      {error && <View className='panel__error' role='alert'>{error}</View>}
      {attached && !changing ? (
        <View>
          <MaterialCard view={attached} />
          <View className='licence-link' role='button' onClick={() => setChanging(true)}>更换</View>
        </View>
      ) : (
        <View>
          {refused && <MaterialCard view={refused} />}
          {panel === null && (
            <View className='licence-section__actions'>
              {authorised && (
                <View className='licence-action licence-action--primary' role='button' onClick={authorised.run} aria-busy={authorised.busy}>
                  <Text className='licence-action__label'>{authorised.busy ? '正在调取…' : '从渝快办调取电子证照'}</Text>
                  <Text className='licence-action__sub'>推荐：无需拍照、无需填写</Text>
                </View>
              )}
              <View className='licence-action' role='button' onClick={() => setPanel('scan')}>
                <Text className='licence-action__label'>扫描亮证码{kind === 'property' ? '或证书二维码' : ''}</Text>
                <Text className='licence-action__sub'>持证人在渝快办出示电子证照</Text>
              </View>
              <View className='licence-action' role='button' onClick={() => setPanel('photo')}>
                <Text className='licence-action__label'>拍照上传</Text>
                <Text className='licence-action__sub'>没有电子证照时使用，需人工核验</Text>
              </View>
              {extra}
            </View>
          )}
          {panel === 'scan' && <ScanPanel kind={kind} onAttached={attach} onClose={() => setPanel(null)} />}
          {panel === 'photo' && kind === 'id-card' && <PhotoIdPanel whose={whose} onAttached={attach} onClose={() => setPanel(null)} />}
          {panel === 'photo' && kind === 'property' && (
            <View className='panel'>
              <Text className='panel__status'>可上传不动产权证书、购房合同，或租赁合同及出租方产权证明。</Text>
              <FilePicker label='选择照片或PDF' allowPdf uploaded={false} onUploaded={(u) => void photoProperty(u.uploadId)} />
              <View className='licence-link' role='button' onClick={() => setPanel(null)}>取消</View>
            </View>
          )}
        </View>
      )}
    </View>
  )
}
