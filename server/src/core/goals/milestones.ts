/**
 * Milestone tables (阶段 | 计划开始 | 计划完成 | 实际完成 | 状态): dates that cannot be read, phases listed
 * out of order, a finish before its start, an actual date before the planned start, and a phase marked
 * done with no actual date. Cells with a placeholder (【待补充】, TBD) are left to the placeholder check.
 */
import type { TableInfo, TextBlock } from '../parse/model.js';
import { classifyTable } from '../report/tableKinds.js';
import { isBlank, isDone, isOnTime, milestoneColumns, numbersRows, type MilestoneColumn } from './columns.js';
import { findDates, isBefore, parseDate, type CalendarDate } from '../report/dates.js';

export type MilestoneProblem =
  | { readonly kind: 'unparseable'; readonly cell: TextBlock; readonly column: MilestoneColumn }
  /** A start (or the only date column), or an actual finish, earlier than the same column in the row above. */
  | { readonly kind: 'backwards'; readonly cell: TextBlock; readonly column: MilestoneColumn; readonly date: CalendarDate; readonly previous: CalendarDate }
  /** A finish before the start of the same row (planned, or actual). */
  | { readonly kind: 'finish-before-start'; readonly cell: TextBlock; readonly column: MilestoneColumn; readonly date: CalendarDate; readonly start: CalendarDate; readonly phase: string }
  | { readonly kind: 'actual-before-start'; readonly cell: TextBlock; readonly date: CalendarDate; readonly start: CalendarDate; readonly phase: string }
  | { readonly kind: 'done-without-date'; readonly cell: TextBlock; readonly phase: string };

const dateColumns: readonly MilestoneColumn[] = ['plannedStart', 'plannedFinish', 'actualStart', 'actualFinish', 'date'];

/** Dates, or a span of them, of which those with a year are real days. */
function writtenAsDates(text: string): boolean {
  const found = findDates(text);
  return found.length > 0 && (found.some((d) => d.date) || !/(?:19|20)\d\d/u.test(text));
}

export function milestoneProblems(table: TableInfo): MilestoneProblem[] {
  if (classifyTable(table) !== 'milestone') return [];
  const columns = milestoneColumns(table);
  if (!dateColumns.some((c) => columns[c] !== undefined)) return [];
  const problems: MilestoneProblem[] = [];
  // The column that orders the phases: their start, else the only date there is; and the actual finish,
  // which phases done in order reach in order too (an acceptance dated before the last go-live above it).
  const order = (['plannedStart', 'actualStart', 'date', 'plannedFinish'] as const).find((c) => columns[c] !== undefined)!;
  const ordered: readonly MilestoneColumn[] = order === 'actualStart' || columns.actualFinish === undefined ? [order] : [order, 'actualFinish'];
  const previous: Partial<Record<MilestoneColumn, CalendarDate>> = {};

  // A row of empty cells is the template's row still to fill in: not a phase.
  for (const cells of table.rows.filter((row) => row.some((c) => c.text.trim() !== ''))) {
    const phase = cells[0]?.text ?? '';
    const dates: Partial<Record<MilestoneColumn, CalendarDate>> = {};
    for (const column of dateColumns) {
      const index = columns[column];
      const cell = index === undefined ? undefined : cells[index];
      if (!cell || isBlank(cell)) continue;
      const date = parseDate(cell.text);
      if (date) dates[column] = date;
      // A span (2024 年 4 月—5 月, 2024-01-08 至 01-31, 4 月 1 日—5 月 15 日) is written as dates are: no
      // day to order by, and nothing to correct. A year with no real date (30 Feb 2024) is a mistake.
      else if (!writtenAsDates(cell.text)) problems.push({ kind: 'unparseable', cell, column });
    }
    const cell = (c: MilestoneColumn) => cells[columns[c]!]!;

    // An actual finish before that of the phase above is no mistake when the phase above ran past this
    // phase's own planned finish: this one could not wait for it (a step on time after a late one). Then
    // only a finish before its own plan is one (a date a year early).
    const overran = dates.plannedFinish && previous.actualFinish && isBefore(dates.plannedFinish, previous.actualFinish) ? dates.plannedFinish : undefined;
    for (const column of ordered) {
      const current = dates[column];
      const before = (column === 'actualFinish' && overran) || previous[column];
      if (current && before && isBefore(current, before)) problems.push({ kind: 'backwards', cell: cell(column), column, date: current, previous: previous[column]! });
    }
    for (const column of ordered) if (dates[column]) previous[column] = dates[column];

    for (const [finish, start] of [['plannedFinish', 'plannedStart'], ['actualFinish', 'actualStart']] as const) {
      const f = dates[finish];
      const s = dates[start];
      if (f && s && isBefore(f, s)) problems.push({ kind: 'finish-before-start', cell: cell(finish), column: finish, date: f, start: s, phase });
    }
    const actual = dates.actualFinish;
    if (actual && dates.plannedStart && isBefore(actual, dates.plannedStart) && !dates.actualStart) {
      problems.push({ kind: 'actual-before-start', cell: cell('actualFinish'), date: actual, start: dates.plannedStart, phase });
    }
    const status = columns.status === undefined ? undefined : cells[columns.status];
    if (status && isDone(status.text) && columns.actualFinish !== undefined && isBlank(cells[columns.actualFinish])) {
      problems.push({ kind: 'done-without-date', cell: status, phase });
    }
  }
  return problems;
}

/** A milestone row whose status says it finished by its plan (按期完成) while its actual finish is later. */
export interface LateOnTime {
  readonly cell: TextBlock;
  readonly phase: string;
  readonly planned: CalendarDate;
  readonly actual: CalendarDate;
}

/** The rows of a milestone table whose status says on time over an actual finish after the planned one. */
export function lateOnTime(table: TableInfo): LateOnTime[] {
  if (classifyTable(table) !== 'milestone') return [];
  const { status, plannedFinish, actualFinish } = milestoneColumns(table);
  if (status === undefined || plannedFinish === undefined || actualFinish === undefined) return [];
  const found: LateOnTime[] = [];
  // The phase is named by the first column that does not number the rows (序号 | 节点 | …).
  const name = Math.max(0, table.header.findIndex((h) => !numbersRows(h)));
  for (const cells of table.rows) {
    const cell = cells[status];
    const planned = parseDate(cells[plannedFinish]?.text ?? '');
    const actual = parseDate(cells[actualFinish]?.text ?? '');
    if (cell && planned && actual && isOnTime(cell.text) && isBefore(planned, actual)) found.push({ cell, phase: cells[name]?.text ?? '', planned, actual });
  }
  return found;
}

