import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import './data-table.css'

// The mini-program: WeChat has no template for an HTML table's parts (thead, tbody, tr, th, td; @tarojs/plugin-html
// maps only `table`), so it would draw nothing. Views laid out as a CSS table instead, with the classes each
// table's stylesheet gives its cells beside `th`/`td` (data-table__cell, --head, --row-head). H5: data-table.h5.tsx.

export interface PartProps {
  className?: string
}

export interface CellProps extends PartProps {
  /** a header cell (`th`) */
  head?: boolean
  scope?: 'row' | 'col'
  /** columns spanned; in the mini-program the cell's text runs over empty cells, for equal columns (table-layout: fixed) */
  colSpan?: number
  /** rows spanned; each row below gives a CoveredCell in its place */
  rowSpan?: number
}

const join = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ')

export function DataTable({ className, children }: PropsWithChildren<PartProps>) {
  return <View className={join(className, 'data-table')}>{children}</View>
}

export function TableHead({ children }: PropsWithChildren) {
  return <View className='data-table__head'>{children}</View>
}

export function TableBody({ children }: PropsWithChildren) {
  return <View className='data-table__body'>{children}</View>
}

export function Row({ className, children }: PropsWithChildren<PartProps>) {
  return <View className={join(className, 'data-table__row')}>{children}</View>
}

export function Cell({ head, scope, colSpan = 1, className, children }: PropsWithChildren<CellProps>) {
  const names = join(className, 'data-table__cell', head && 'data-table__cell--head', head && scope === 'row' && 'data-table__cell--row-head')
  if (colSpan <= 1) return <View className={names}>{children}</View>
  return (
    <>
      <View className={names}><View style={{ width: `${colSpan * 100}%` }}>{children}</View></View>
      {Array.from({ length: colSpan - 1 }, (_, i) => <View key={i} className='data-table__cell data-table__cell--spanned' />)}
    </>
  )
}

/** A place a cell above spans (rowSpan) covers: an empty cell with no border above, under the spanning cell. */
export function CoveredCell() {
  return <View className='data-table__cell data-table__cell--covered' />
}
