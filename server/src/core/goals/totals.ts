/**
 * Totals in any table (合计 | 32,000 | 31,650, Total | 2,900 | 2,860): each figure of a total row set against
 * the sum of the column's figures above it.
 */
import type { TableInfo, TextBlock } from '../parse/model.js';
import { totalKind } from './columns.js';
import { findQuantities, inBase, signBefore, type Quantity } from './numbers.js';

export interface TotalProblem {
  readonly cell: TextBlock;
  /** The column's header, as written. */
  readonly column: string;
  readonly total: string;
  /** The sum of the rows it adds up, written with as many decimals as they have. */
  readonly sum: string;
}

/**
 * The one figure of a cell that can be added up (no share, date, placeholder or vague amount), with the sign
 * written before it (−1.1, +36.5); undefined otherwise.
 */
function addable(cell: TextBlock | undefined): Quantity | undefined {
  const found = cell ? findQuantities(cell.text) : [];
  const q = found[0];
  if (found.length !== 1 || !q || q.value === undefined || q.range || q.placeholder || q.vague || q.approximate) return undefined;
  const dimension = q.unit.dimension;
  if (dimension === 'percent' || dimension === 'percentage-point' || dimension === 'date') return undefined;
  return signBefore(cell!.text, q.start) === '-' ? { ...q, value: -q.value } : q;
}

const decimals = (q: Quantity) => /[.．](\d+)/u.exec(q.text)?.[1]?.length ?? 0;

/**
 * The total cells that are not the sum of the rows they add up: a subtotal (小计) the rows since the last
 * total, a total (合计, Total) every row above it since the last total but the subtotals. A column is
 * checked only where every row added holds one figure in one unit, and the difference is more than the
 * rows' rounding could make.
 */
export function tableTotals(table: TableInfo): TotalProblem[] {
  const problems: TotalProblem[] = [];
  const kinds = table.rows.map((cells) => (cells[0] ? totalKind(cells[0].text) : undefined));
  let grandFrom = 0;
  let subFrom = 0;
  table.rows.forEach((cells, r) => {
    const kind = kinds[r];
    if (!kind) return;
    const from = kind === 'grand' ? grandFrom : subFrom;
    const added = table.rows.slice(from, r).filter((_, i) => !kinds[from + i]);
    subFrom = r + 1;
    if (kind === 'grand') grandFrom = r + 1;
    if (added.length < 2) return;
    for (let column = 1; column < cells.length; column++) {
      const total = addable(cells[column]);
      const items = added.map((row) => addable(row[column]));
      if (!total || items.some((q) => !q || q.unit.dimension !== total.unit.dimension)) continue;
      const figures = items as Quantity[];
      const sum = figures.reduce((a, q) => a + inBase(q.value!, q.unit), 0) / total.unit.factor;
      const places = Math.max(decimals(total), ...figures.map(decimals));
      // Each figure may be rounded by half its last place.
      const rounding = ((figures.length + 1) * 0.5) / 10 ** places;
      if (Math.abs(sum - total.value!) <= rounding + 1e-9) continue;
      problems.push({ cell: cells[column]!, column: table.header[column]?.text.trim() ?? '', total: cells[column]!.text.trim(), sum: sum.toLocaleString('en-US', { minimumFractionDigits: places, maximumFractionDigits: places }) });
    }
  });
  return problems;
}
