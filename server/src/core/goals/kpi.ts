/**
 * KPI tables (指标 | 基线值 | 目标值 | 实际值 | 达成率 | 状态, Metric | Target | Actual | Status): each row
 * read as a metric with its baseline, target, actual figure and status.
 */
import type { Span, TableInfo, TextBlock } from '../parse/model.js';
import { classifyTable } from '../report/tableKinds.js';
import { budgetColumns, cellSpan, isBlank, isPending, kpiColumns, numbersRows, rowSpan, statusOf } from './columns.js';
import { gapSide, readSentenceOnce, type Reading } from './measure.js';
import { judge, levelFromGap, sameFigure, targetOf, type Target } from './verdict.js';
import { compatibleUnits, findQuantities, signBefore, type Bound, type Quantity, type Sign, type Unit } from './numbers.js';

export interface KpiRow extends Span {
  readonly cells: readonly TextBlock[];
  /** The metric's name: the metric column, else the first cell. */
  readonly metric: string;
  readonly baseline: TextBlock | undefined;
  readonly target: TextBlock | undefined;
  readonly actual: TextBlock | undefined;
  /** How far the actual figure is from the target (低 0.2 个百分点, −14 ms), where the table says so. */
  readonly deviation: TextBlock | undefined;
  readonly status: TextBlock | undefined;
  /** The units the headers give the figures of the baseline, target and actual columns: 预算（万元）, Actual (USD). */
  readonly units: ColumnUnits;
}

interface ColumnUnits {
  readonly baseline: Unit | undefined;
  readonly target: Unit | undefined;
  readonly actual: Unit | undefined;
}

/** The unit a header names in brackets or after a slash: 金额（万元）, Budget (USD), Actual ($k), 投资/万元. */
const headerUnitText = /[（(]\s*([^（）()]{1,12}?)\s*[)）]\s*$|[/／]\s*([^/／\s]{1,8})\s*$/u;

/** The unit of a header, when it names one: 1 written in it reads as a figure of that unit and nothing else. */
function headerUnit(header: TextBlock | undefined): Unit | undefined {
  const m = header && headerUnitText.exec(header.text.trim());
  if (!m) return undefined;
  const unit = (m[1] ?? m[2])!.replace(/^单位[:：]\s*/u, '');
  // $k and £m put the number between the sign and the scale; 万元 and USD after it.
  const written = /^[\p{Sc}]/u.test(unit) ? `${unit.charAt(0)}1${unit.slice(1)}` : `1 ${unit}`;
  const found = findQuantities(written);
  const q = found[0];
  return found.length === 1 && q!.start === 0 && q!.end === written.length && q!.value === 1 && q!.unit.dimension !== 'none' ? q!.unit : undefined;
}

/** A bare number of a column whose header gives the unit, in that unit. */
function inColumnUnit(reading: Reading | undefined, unit: Unit | undefined): Reading | undefined {
  if (!reading || !unit || reading.quantity.unit.dimension !== 'none' || reading.quantity.value === undefined) return reading;
  return { ...reading, quantity: { ...reading.quantity, unit } };
}

/**
 * The rows of the tables read before, by table: a table's model is new wherever its block was parsed again
 * or moved, and its rows depend on its cells alone (their spans in the document, within the table).
 */
const rowsOfTable = new WeakMap<TableInfo, readonly KpiRow[] | null>();

/** The rows of a KPI table, or undefined when the table is not one (no target or actual column). */
export function kpiRows(documentText: string, table: TableInfo): KpiRow[] | undefined {
  let rows = rowsOfTable.get(table);
  if (rows === undefined) rowsOfTable.set(table, (rows = readKpiRows(documentText, table) ?? null));
  return rows === null ? undefined : [...rows];
}

function readKpiRows(documentText: string, table: TableInfo): KpiRow[] | undefined {
  if (classifyTable(table) !== 'kpi') return undefined;
  const columns = kpiColumns(table);
  if (columns.target === undefined && columns.actual === undefined) return undefined;
  // Without a metric column, the first column that no role takes and that is no row number (#, ID, 序号).
  const taken = new Set(Object.values(columns));
  const metric = columns.metric ?? table.header.findIndex((cell, i) => !taken.has(i) && !numbersRows(cell));
  const header = (index: number | undefined) => (index === undefined ? undefined : table.header[index]);
  const units: ColumnUnits = { baseline: headerUnit(header(columns.baseline)), target: headerUnit(header(columns.target)), actual: headerUnit(header(columns.actual)) };
  const roles = { ...columns, metric: metric < 0 ? undefined : metric };
  // A row of empty cells is the template's row still to fill in (the skeleton writes one): not a metric.
  return table.rows
    .filter((cells) => cells.some((c) => c.text.trim() !== ''))
    .map((cells) => rowOf(documentText, cells, roles, (name) => withRowUnit(units, headerUnit(name))));
}

type RowRole = 'metric' | 'baseline' | 'target' | 'actual' | 'deviation' | 'status';

/** A row read with the column of each role it has; the metric is the first cell where no column names it. */
function rowOf(documentText: string, cells: readonly TextBlock[], roles: Partial<Record<RowRole, number>>, unitsOf: (metric: TextBlock) => ColumnUnits): KpiRow {
  const at = (role: RowRole) => (roles[role] === undefined ? undefined : cells[roles[role]!]);
  const metric = at('metric') ?? cells[0]!;
  return {
    ...rowSpan(documentText, cells),
    cells,
    metric: metric.text,
    baseline: at('baseline'),
    target: at('target'),
    actual: at('actual'),
    deviation: at('deviation'),
    status: at('status'),
    units: unitsOf(metric),
  };
}

/**
 * The units of a row whose metric names one (次均住院费用（元）): for the columns whose headers name none. Not a
 * rate (客户投诉（次/季度）): a goal names its period in words (每季度不超过 3 次), and its bare 3 次 would no
 * longer compare with the row.
 */
function withRowUnit(units: ColumnUnits, rowUnit: Unit | undefined): ColumnUnits {
  if (!rowUnit || rowUnit.dimension.includes('/')) return units;
  return { baseline: units.baseline ?? rowUnit, target: units.target ?? rowUnit, actual: units.actual ?? rowUnit };
}

/**
 * The rows of a budget table (费用类别 | 预算（万元） | 实际（万元）), read as KPI rows with the budget for the
 * target: what was spent, line by line and in total. Undefined for a KPI, milestone or other table.
 */
export function budgetRows(documentText: string, table: TableInfo): KpiRow[] | undefined {
  const columns = classifyTable(table) === 'other' ? budgetColumns(table) : undefined;
  if (!columns) return undefined;
  const units: ColumnUnits = { baseline: undefined, target: headerUnit(table.header[columns.budget]), actual: headerUnit(table.header[columns.actual]) };
  return table.rows.filter((cells) => cells[0] && cells[columns.actual]).map((cells) => rowOf(documentText, cells, { target: columns.budget, actual: columns.actual }, () => units));
}

/** The figure of a cell (its first), read as a level; undefined when the cell holds none. */
export type CellReader = (cell: TextBlock | undefined) => Reading | undefined;

/** The words after a figure up to the next item of a list in its cell (1 published, 1 under review). */
const itemAfter = (rest: string) => rest.split(/[,，;；、/／]/u)[0]!;

/** Reads the cells of one document's tables, each once: the checks of a KPI row ask for the same cells. */
export function cellReader(documentText: string): CellReader {
  const known = new Map<TextBlock, Reading | undefined>();
  return (cell) => {
    if (!cell || !cell.text.trim()) return undefined;
    if (known.has(cell)) return known.get(cell);
    const span = cellSpan(documentText, cell);
    const readings = readSentenceOnce(documentText.slice(span.start, span.end), span.start).filter((r) => r.kind !== 'gap');
    const reading = readings[0];
    // 5 Sep (UK, DE); 19 Sep (FR): a cell that lists figures of one kind does not say which is the row's.
    // Things not done yet are no item of the list (1 published, 1 under review).
    const listed = (r: Reading) => /[;；/／、,，]/u.test(documentText.slice(reading!.quantity.end, r.quantity.start)) && !isPending(itemAfter(documentText.slice(r.quantity.end, span.end)));
    const others = reading ? readings.filter((r) => r !== reading && r.quantity.unit.dimension === reading.quantity.unit.dimension && listed(r)).map((r) => r.quantity) : [];
    const read = reading && others.length ? { ...reading, listed: others } : reading;
    known.set(cell, read);
    return read;
  };
}

/** A cell that holds a real number: not blank, not a placeholder, not a vague amount. */
function isNumeric(read: CellReader, cell: TextBlock | undefined): boolean {
  if (isBlank(cell)) return false;
  const reading = read(cell);
  return reading !== undefined && reading.quantity.value !== undefined;
}

/** The row's own target, with its baseline cell. */
export function rowTarget(read: CellReader, row: KpiRow): Target | undefined {
  // A signed target (Energy consumption −20%) is a change to make.
  const reading = signedChange(row.target, inColumnUnit(read(row.target), row.units.target));
  if (!reading) return undefined;
  const target = targetOf(reading, row.metric);
  return { ...target, direction: namedBound(reading, row.metric) ?? target.direction, baseline: target.baseline ?? rowBaseline(read, row) };
}

/**
 * The bound the metric's cell gives a bare target figure (`Chargeback rate ≤ 0.40%` beside `0.40%`): the
 * same figure written there with a bound.
 */
function namedBound(reading: Reading, metric: string): Bound | undefined {
  if (reading.kind !== 'level' || reading.quantity.bound) return undefined;
  return readSentenceOnce(metric, 0).find((r) => r.quantity.bound && sameFigure(r.quantity, reading.quantity))?.quantity.bound;
}

/** The figure of the row's baseline cell, in the unit its header names. */
function rowBaseline(read: CellReader, row: KpiRow): Quantity | undefined {
  return inColumnUnit(read(row.baseline), row.units.baseline)?.quantity;
}

/**
 * The row's actual figure as an outcome reading, with the baseline cell as where it started; without an
 * actual cell, the level its deviation cell gives against its target (≥ 99.95% and 低 0.2 个百分点: 99.75%).
 */
export function rowActual(read: CellReader, row: KpiRow): Reading | undefined {
  const actual = inColumnUnit(read(row.actual), row.units.actual);
  // A target written with a bound and a sign (≥ +35 for a score that may be negative) makes the signs levels.
  const levels = signedLevel(row.target, read(row.target));
  const reading = (levels ? actual : signedChange(row.actual, actual)) ?? deviationLevel(read, row);
  if (!reading) return undefined;
  // 2 项进入实质审查 for 授权专利: what is counted is not done yet, no result of the row's metric. The words
  // read are the figure's own, up to the next list item (1 published, 1 under review: 1 is published).
  const after = itemAfter(row.actual && actual ? row.actual.text.slice(row.actual.text.indexOf(actual.quantity.text) + actual.quantity.text.length) : '');
  return { ...reading, metric: row.metric, baseline: reading.baseline ?? rowBaseline(read, row), ...(isPending(after) ? { pending: true } : {}) };
}

/** The sign written right before a cell's figure (+9 个百分点, Energy consumption −20%), if any. */
function signOf(cell: TextBlock, reading: Reading): Sign | undefined {
  const at = cell.text.indexOf(reading.quantity.text);
  return signBefore(cell.text, at < 0 ? 0 : at);
}

/** A figure with a bound and a sign (≥ +35): a level that may be negative, not a change. */
function signedLevel(cell: TextBlock | undefined, reading: Reading | undefined): boolean {
  return !!cell && !!reading && reading.quantity.bound !== undefined && signOf(cell, reading) !== undefined;
}

/** A signed figure (+9 个百分点, −22.8%) is a change: by how much the metric moved, and which way. */
function signedChange(cell: TextBlock | undefined, reading: Reading | undefined): Reading | undefined {
  if (!cell || !reading || reading.kind !== 'level' || reading.baseline || reading.quantity.value === undefined || signedLevel(cell, reading)) return reading;
  const sign = signOf(cell, reading);
  if (!sign) return reading;
  const movement = sign === '+' ? 'up' : 'down';
  return { ...reading, kind: 'change', movement, quantity: { ...reading.quantity, value: Math.abs(reading.quantity.value) } };
}

/** A deviation cell's side of the target: its words (低, 超出, below), else its sign (+3.2%, −14 ms). */
function deviationLevel(read: CellReader, row: KpiRow): Reading | undefined {
  if (!row.deviation || row.actual) return undefined;
  const reading = read(row.deviation);
  const target = rowTarget(read, row);
  if (!reading || !target || reading.quantity.value === undefined) return undefined;
  const text = row.deviation.text.trim();
  const value = reading.quantity.value;
  const side = gapSide(text.toLowerCase()) ?? (value < 0 || /^[-−–]/u.test(text) ? 'below' : /^\+/u.test(text) ? 'above' : undefined);
  if (!side) return undefined;
  return levelFromGap(target, { ...reading, kind: 'gap', side, quantity: { ...reading.quantity, value: Math.abs(value) } });
}

/** What the status cell says: met, missed, or nothing readable. */
export function rowStatus(row: KpiRow): 'met' | 'missed' | undefined {
  return row.status ? statusOf(row.status.text) : undefined;
}

export type KpiProblem =
  /** A target or actual cell without a number (empty, a dash, a placeholder, a vague amount, words). */
  | { readonly kind: 'non-numeric'; readonly cell: TextBlock; readonly column: 'target' | 'actual'; readonly row: KpiRow }
  /** A status cell that says met where the figures say missed, or the other way round. */
  | { readonly kind: 'status'; readonly cell: TextBlock; readonly row: KpiRow; readonly says: 'met' | 'missed'; readonly figures: 'met' | 'missed' }
  /** A target of relative change (降低 20%, −10%, +5 个百分点) against a level, with no baseline to compute the change from. */
  | { readonly kind: 'no-baseline'; readonly cell: TextBlock; readonly row: KpiRow; readonly target: string; readonly actual: string }
  /** A row number that skips (8 then 11, SC-11 then SC-13, 2.4 then 3.2): a row left out or misnumbered. */
  | { readonly kind: 'row-gap'; readonly cell: TextBlock; readonly row: KpiRow; readonly previous: string; readonly next: string };

/** What is wrong in a KPI table; nothing for a table that is not one. */
export function kpiProblems(documentText: string, table: TableInfo): KpiProblem[] {
  const rows = kpiRows(documentText, table);
  if (!rows) return [];
  const columns = kpiColumns(table);
  const read = cellReader(documentText);
  const problems: KpiProblem[] = [];
  for (const row of rows) {
    const target = isNumeric(read, row.target);
    const actual = isNumeric(read, row.actual) || (row.actual === undefined && rowActual(read, row) !== undefined);
    for (const [cell, column, numeric] of [[row.target, 'target', target], [row.actual, 'actual', actual]] as const) {
      if (cell && columns[column] !== undefined && !numeric) problems.push({ kind: 'non-numeric', cell, column, row });
    }
    if (!target || !actual) continue;
    // The row's own figures, read once for both checks below.
    const rowGoal = rowTarget(read, row);
    const rowResult = rowActual(read, row);
    const level = row.actual && levelWithoutBaseline(row, rowGoal, rowResult);
    if (level) problems.push({ kind: 'no-baseline', cell: row.actual!, row, ...level });
    const says = rowStatus(row);
    if (!says || !row.status) continue;
    // The row itself sets its actual figure against its target: no figure of ours was misread.
    const { verdict } = judge(rowGoal, rowResult, true);
    if ((verdict === 'met' || verdict === 'missed') && verdict !== says) problems.push({ kind: 'status', cell: row.status, row, says, figures: verdict });
  }
  problems.push(...rowGaps(table, rows));
  return problems;
}

/**
 * The target and actual of a row whose target is a relative change (降低 20%, −25%, +5 个百分点) and whose
 * actual is a level in another unit (10.2 min, €5.30, 19.8% for a change in points), with no baseline in
 * the row: the reader cannot tell the change achieved. Undefined for any other row.
 */
function levelWithoutBaseline(row: KpiRow, target: Target | undefined, actual: Reading | undefined): { target: string; actual: string } | undefined {
  if (!target || !actual || actual.kind !== 'level' || actual.baseline || target.baseline) return undefined;
  if (target.direction !== 'increase-by' && target.direction !== 'decrease-by') return undefined;
  const change = target.quantity.unit.dimension;
  // A figure in % beside a change in % may be the change achieved (降低 20% | 18.4%); in points, only points are.
  const sameKind = change === 'percent' ? actual.quantity.unit.dimension === 'percent' : actual.quantity.unit.dimension === 'percentage-point';
  if ((change !== 'percent' && change !== 'percentage-point') || sameKind) return undefined;
  // The level the change leads to or starts from, written beside it (−30% (€5.18), …by 15% from $84k): readable.
  const unit = actual.quantity.unit;
  const named = [row.target!, ...row.cells.filter((c) => c.text === row.metric)].some((cell) =>
    findQuantities(cell.text).some((q) => compatibleUnits(q.unit, unit) && (q.unit.dimension !== 'none' || unit.dimension === 'none')),
  );
  // …or the change achieved, in a deviation column (−20% | $151k/month | −17.9%).
  const achieved = row.deviation !== undefined && findQuantities(row.deviation.text).some((q) => q.unit.dimension === change);
  return named || achieved ? undefined : { target: row.target!.text.trim(), actual: row.actual!.text.trim() };
}

/** A row's number: an optional prefix (SC-, KR) and one to three numbers joined by points (8, 2.4, 1.2.3). */
const rowNumberText = /^\s*([A-Za-z]{1,6}\s?[-‐–]?\s?)?(\d{1,3}(?:\.\d{1,3}){0,2})\.?\s*$/u;

/**
 * Row numbers that skip, in the table's row-number column (#, No., 序号) or, failing one, its first column
 * when every row's first cell is a number: 8 then 11, SC-11 then SC-13, 2.4 then 3.2 (3.1 left out). A
 * number that goes back or repeats is left to the reader: tables restart their numbering by group.
 */
function rowGaps(table: TableInfo, rows: readonly KpiRow[]): KpiProblem[] {
  const column = table.header.findIndex(numbersRows);
  const at = column >= 0 ? column : 0;
  const numbers = rows.map((row) => rowNumberText.exec(row.cells[at]?.text ?? ''));
  if (rows.length < 3 || numbers.some((m) => !m)) return [];
  const problems: KpiProblem[] = [];
  for (let i = 1; i < rows.length; i++) {
    const [before, after] = [numbers[i - 1]!, numbers[i]!];
    if ((before[1] ?? '').replace(/\s/gu, '') !== (after[1] ?? '').replace(/\s/gu, '')) continue;
    if (skips(before[2]!.split('.').map(Number), after[2]!.split('.').map(Number))) {
      problems.push({ kind: 'row-gap', cell: rows[i]!.cells[at]!, row: rows[i]!, previous: before[0].trim(), next: after[0].trim() });
    }
  }
  return problems;
}

/** Whether `next` skips a number after `previous` (3 → 5, 2.4 → 3.2, 2.4 → 2.6); not when it steps back or starts a new group at 1. */
function skips(previous: readonly number[], next: readonly number[]): boolean {
  if (previous.length !== next.length) return false;
  const last = next.length - 1;
  for (let level = 0; level < last; level++) {
    if (next[level]! > previous[level]! + 1) return true;
    // A new group (2.4 → 3.x) starts at 1.
    if (next[level]! === previous[level]! + 1) return next.slice(level + 1).some((n) => n > 1);
    if (next[level]! < previous[level]!) return false;
  }
  return next[last]! > previous[last]! + 1;
}
