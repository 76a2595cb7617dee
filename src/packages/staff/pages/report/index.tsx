import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { supplierByCode, supplierName } from '@/core/services'
import type { Dashboard } from '@/contract/staff'
import { PageRoot } from '@/components/page-root'
import { staffReports } from '@/features/staff/api'
import { caseTable, parseCsv } from '@/features/staff/csv'
import { print, PRINT_AVAILABLE } from '@/features/staff/print'
import { DataTable, TableHead, TableBody, Row, Cell } from '@/components/data-table'
import '@/features/track/components/track.css'
import '@/features/staff/components/staff.css'

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`)
const num = (v: number | null) => (v === null ? '—' : v.toFixed(1))

/** The month's figures and case list on one printable page, for the district's monthly report. */
export default function ReportPage() {
  const { month = '', supplier } = useRouter().params
  const [d, setD] = useState<Dashboard | null>(null)
  const [cases, setCases] = useState<string[][]>([])
  const [error, setError] = useState('')
  useEffect(() => {
    const sup = supplierByCode(supplier)?.code
    Promise.all([staffReports.dashboard(month, sup), staffReports.csvText(month, sup)])
      .then(([dash, csv]) => { setD(dash); setCases(caseTable(parseCsv(csv))) })
      .catch(() => setError('月报加载失败，请返回重试'))
  }, [month, supplier])

  if (error) return <PageRoot className='staff-page'><View className='notice' role='alert'>{error}</View></PageRoot>
  if (!d) return <PageRoot className='staff-page' busy><View className='skeleton-line' /></PageRoot>
  const [head, ...body] = cases
  return (
    <PageRoot className='staff-page'>
      <View className='staff-title' role='heading' aria-level={1}>万州区获得电力月报 {d.month}（{d.supplier ? supplierName(d.supplier) : '全区'}）</View>
      <Text className='staff-line'>受理{d.received}件，办结{d.completed}件，在办{d.inProgress}件，超时{d.overdue}件。</Text>
      <DataTable className='table'>
        <TableHead><Row><Cell head>业务</Cell><Cell head>目标</Cell><Cell head>办结</Cell><Cell head>平均</Cell><Cell head>中位数</Cell><Cell head>90%分位</Cell><Cell head>达标率</Cell></Row></TableHead>
        <TableBody>
          {d.services.map((s) => (
            <Row key={s.service}><Cell>{s.name}</Cell><Cell>{s.targetKind === 'average' ? '平均' : ''}≤{s.target}</Cell><Cell>{s.completed}</Cell>
              <Cell>{num(s.mean)}</Cell><Cell>{num(s.median)}</Cell><Cell>{num(s.p90)}</Cell><Cell>{pct(s.withinTargetShare)}</Cell></Row>
          ))}
        </TableBody>
      </DataTable>
      <Text className='section-title'>案件清单（{body.length}件）</Text>
      {head && (
        <DataTable className='table'>
          <TableHead><Row>{head.map((h) => <Cell head key={h}>{h}</Cell>)}</Row></TableHead>
          <TableBody>{body.map((r) => <Row key={r[0]}>{r.map((c, i) => <Cell key={i}>{c}</Cell>)}</Row>)}</TableBody>
        </DataTable>
      )}
      {PRINT_AVAILABLE && <View className='no-print'><Button block type='primary' size='large' onClick={print}>打印</Button></View>}
    </PageRoot>
  )
}
