import type { PropsWithChildren } from 'react'
import type { CellProps, PartProps } from './data-table'

// H5: real table elements, so screen readers announce rows, columns and headers (the a11y walk checks it).
// The mini-program has no HTML tables: data-table.tsx draws the same with views.

export function DataTable({ className, children }: PropsWithChildren<PartProps>) {
  return <table className={className}>{children}</table>
}

export function TableHead({ children }: PropsWithChildren) {
  return <thead>{children}</thead>
}

export function TableBody({ children }: PropsWithChildren) {
  return <tbody>{children}</tbody>
}

export function Row({ className, children }: PropsWithChildren<PartProps>) {
  return <tr className={className}>{children}</tr>
}

export function Cell({ head, scope, colSpan, rowSpan, className, children }: PropsWithChildren<CellProps>) {
  return head
    ? <th scope={scope} colSpan={colSpan} rowSpan={rowSpan} className={className}>{children}</th>
    : <td colSpan={colSpan} rowSpan={rowSpan} className={className}>{children}</td>
}

/** A place a cell above spans (rowSpan) covers: nothing here, the spanning cell is drawn across it. */
export function CoveredCell() {
  return null
}
