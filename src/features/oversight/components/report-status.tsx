import { View, Text } from '@tarojs/components'
import type { ReportStatus } from '@/contract/oversight'
import { figureLabel } from '@/core/oversight/figure-labels'
import { chinaDateTime } from '@/lib/china-time'
import { DataTable, TableHead, TableBody, Row, Cell } from '@/components/data-table'

const STATUS: Record<ReportStatus['reports'][number]['status'], string> = {
  in: '按时报送', late: '逾期报送', missing: '逾期未报', 'not-due': '未到截止日，尚未报送',
}
const shown = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : String(v))

/** Each enterprise's 按月报送: in, late or missing, its digest, and every figure the record no longer gives. */
export function ReportStatusTable({ status }: { status: ReportStatus }) {
  return (
    <View className='report-statuses'>
      <Text className='staff-line'>截止日期：{status.dueBy}（次月第5个工作日，默认规则）。报送后数据封存；每项数字都按事件记录重新核算。</Text>
      <DataTable className='table report-table'>
        <TableHead><Row><Cell head>企业</Cell><Cell head>报送情况</Cell><Cell head>报送时间</Cell><Cell head>与事件记录核对</Cell></Row></TableHead>
        <TableBody>
          {status.reports.map((r) => {
            const alert = r.status === 'late' || r.status === 'missing'
            const mismatch = r.digestValid === false || r.differences.length > 0
            return (
              <Row key={r.provider} className={`report-row report-row--${r.status}`}>
                <Cell head scope='row'>{r.name}</Cell>
                <Cell className={alert ? 'oversight-table__alert' : undefined}>{STATUS[r.status]}</Cell>
                <Cell>{r.submittedAt ? chinaDateTime(r.submittedAt) : '—'}</Cell>
                <Cell className={mismatch ? 'oversight-table__alert' : undefined}>
                  {r.submittedAt === null && '—'}
                  {r.digestValid === false && <Text className='report-diff'>摘要不符：封存的数字已被改动</Text>}
                  {r.digestValid === true && r.differences.length === 0 && '一致'}
                  {r.differences.length > 0 && <Text className='report-diff'>{r.differences.length}项不一致：</Text>}
                  {r.differences.map((d) => (
                    <Text key={d.field} className='report-diff'>{figureLabel(d.field, r.provider)}：报送{shown(d.reported)}，重算{shown(d.recomputed)}</Text>
                  ))}
                  {r.digest && <Text className='report-digest'>摘要 {r.digest.slice(0, 16)}…</Text>}
                </Cell>
              </Row>
            )
          })}
        </TableBody>
      </DataTable>
    </View>
  )
}
