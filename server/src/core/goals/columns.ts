/**
 * The columns of KPI and milestone tables and the words of their status cells, from
 * server/data/table-columns.yaml.
 */
import columnsYaml from '../../../data/table-columns.yaml';
import type { Span, TableInfo, TextBlock } from '../parse/model.js';
import { placeholderPatterns, scanSpans } from '../report/patterns.js';
import { isItemCode } from './phrases.js';

export type KpiColumn = 'metric' | 'baseline' | 'target' | 'actual' | 'deviation' | 'achievement' | 'status';
export type MilestoneColumn = 'plannedStart' | 'plannedFinish' | 'actualStart' | 'actualFinish' | 'status' | 'date';

interface ColumnsFile {
  kpi: { column: KpiColumn; words: string[] }[];
  milestone: { column: MilestoneColumn; words: string[] }[];
  status: { missed: string[]; met: string[] };
  done: string[];
  pending: string[];
  onTime: string[];
  budget: { budget: string[]; actual: string[] };
  totals: { grand: string[]; sub: string[] };
}

const data: ColumnsFile = columnsYaml;

interface ColumnKind<K extends string> {
  readonly column: K;
  /** Lower-cased once: every table is classified on every analysis. */
  readonly words: readonly string[];
}

const lowerCased = <K extends string>(kinds: readonly { column: K; words: string[] }[]): ColumnKind<K>[] =>
  kinds.map((k) => ({ column: k.column, words: k.words.map((w) => w.toLowerCase()) }));
const kpiKinds = lowerCased(data.kpi);
const milestoneKinds = lowerCased(data.milestone);

/**
 * Which column each header cell is. A header that is one of a kind's words takes that kind first (目标值,
 * Target); then each other header takes the first kind whose words it contains and no header has taken
 * (建设目标 beside 目标值 is no second target: it names the goals, like the first column).
 */
function classify<K extends string>(table: TableInfo, kinds: readonly ColumnKind<K>[]): Partial<Record<K, number>> {
  const result: Partial<Record<K, number>> = {};
  const texts = table.header.map((cell) => cell.text.trim().toLowerCase());
  const taken = new Set<number>();
  texts.forEach((text, index) => {
    const kind = kinds.find((k) => k.words.includes(text));
    if (kind && result[kind.column] === undefined) {
      result[kind.column] = index;
      taken.add(index);
    }
  });
  texts.forEach((text, index) => {
    if (taken.has(index)) return;
    const kind = kinds.find((k) => k.words.some((w) => text.includes(w)));
    if (kind && result[kind.column] === undefined) result[kind.column] = index;
  });
  return result;
}

export function kpiColumns(table: TableInfo): Partial<Record<KpiColumn, number>> {
  const columns = earlierYearIsBaseline(table, wordsAreMetric(table, classify(table, kpiKinds)));
  // 完成情况 over figures (335 mAh/g, 7 篇) is what was achieved; a later status header (是否完成) says whether.
  const status = columns.status;
  if (columns.actual !== undefined || status === undefined || !mostlyFigures(table, status)) return columns;
  const next = table.header.findIndex((cell, i) => i > status && headerNames(cell, 'status'));
  return { ...columns, actual: status, status: next < 0 ? undefined : next };
}

/** `2023 年实际 | 2024 年目标`: an actual of a year before the target's is where the metric started. */
function earlierYearIsBaseline(table: TableInfo, columns: Partial<Record<KpiColumn, number>>): Partial<Record<KpiColumn, number>> {
  const { actual, target } = columns;
  if (actual === undefined || target === undefined || columns.baseline !== undefined) return columns;
  const year = (i: number) => Number(/(?:19|20)\d\d/u.exec(table.header[i]?.text ?? '')?.[0] ?? NaN);
  if (!(year(actual) < year(target))) return columns;
  const { actual: _, ...rest } = columns;
  return { ...rest, baseline: actual };
}

/**
 * `# | Goal | Target`, `Outcome | Target | Actual`: a target or actual column of words beside another of
 * figures named for the same role is the metric, and the other takes the role.
 */
function wordsAreMetric(table: TableInfo, found: Partial<Record<KpiColumn, number>>): Partial<Record<KpiColumn, number>> {
  let columns = found;
  for (const role of ['target', 'actual'] as const) {
    const words = columns[role];
    if (words === undefined || mostlyFigures(table, words)) continue;
    const taken = new Set(Object.values(columns));
    const other = table.header.findIndex((cell, i) => !taken.has(i) && headerNames(cell, role) && mostlyFigures(table, i));
    if (other >= 0) columns = { ...columns, [role]: other, ...(columns.metric === undefined ? { metric: words } : {}) };
  }
  return columns;
}

/** Whether a header cell holds one of a KPI column kind's words (2024 年目标 for `target`). */
function headerNames(cell: TextBlock, column: KpiColumn): boolean {
  const text = cell.text.trim().toLowerCase();
  return kpiKinds.some((k) => k.column === column && k.words.some((w) => text.includes(w)));
}

/** Whether more than half the cells of a column hold a figure (a digit or a placeholder, not a code). */
function mostlyFigures(table: TableInfo, column: number): boolean {
  const cells = table.rows.map((row) => row[column]?.text ?? '');
  return cells.filter((text) => /\d|XX|××/iu.test(text) && !isItemCode(text)).length * 2 > cells.length;
}

const budgetWords = { budget: data.budget.budget.map((w) => w.toLowerCase()), actual: data.budget.actual.map((w) => w.toLowerCase()) };

/**
 * The budget and actual columns of a budget table (费用类别 | 预算（万元） | 实际（万元）); undefined for a
 * table without both. The first column names the rows.
 */
export function budgetColumns(table: TableInfo): { readonly budget: number; readonly actual: number } | undefined {
  const texts = table.header.map((cell) => cell.text.trim().toLowerCase());
  const budget = texts.findIndex((text, i) => i > 0 && budgetWords.budget.some((w) => text.includes(w)));
  const actual = texts.findIndex((text, i) => i > 0 && i !== budget && budgetWords.actual.some((w) => text.includes(w)));
  return budget > 0 && actual > 0 ? { budget, actual } : undefined;
}

export function milestoneColumns(table: TableInfo): Partial<Record<MilestoneColumn, number>> {
  return classify(table, milestoneKinds);
}

const squeeze = (text: string) => text.replace(/[\s*_`]/g, '').toLowerCase();

interface StatusWord {
  readonly word: string;
  /** A Chinese word of two characters or more may open a longer cell: 已完成（提前2天）. */
  readonly opensCell: boolean;
}

/** A Chinese word of two characters or more, or a mark (✅ Done, ❌ 未达成): it may open a longer cell. */
const opensLonger = (word: string) => (/\p{Script=Han}/u.test(word) && word.length > 1) || /^[\p{Extended_Pictographic}✓✔✗✘√☑×]$/u.test(word);
const statusWords = (words: readonly string[]): StatusWord[] => words.map(squeeze).map((word) => ({ word, opensCell: opensLonger(word) }));
const missedWords = statusWords(data.status.missed);
const metWords = statusWords(data.status.met);
const doneWords = statusWords(data.done);

/** What a status cell says: met (达成, ✓, Met), missed (未达成, ✗, Not met), or nothing we can read. */
export function statusOf(text: string): 'met' | 'missed' | undefined {
  const cell = squeeze(text);
  if (!cell) return undefined;
  if (missedWords.some((w) => opens(cell, w))) return 'missed';
  if (metWords.some((w) => opens(cell, w))) return 'met';
  return undefined;
}

/** The cell is the word, or starts with a Chinese word (已完成（提前2天）); Latin words must be the whole cell. */
function opens(cell: string, { word, opensCell }: StatusWord): boolean {
  return cell === word || (opensCell && cell.startsWith(word));
}

const pendingWords = data.pending.map((w) => w.toLowerCase());

/** Whether the words after a cell's figure say the things counted are not done yet (2 项进入实质审查). */
export function isPending(after: string): boolean {
  const words = after.toLowerCase();
  return pendingWords.some((w) => words.includes(w));
}

const onTimeWords = data.onTime.map((w) => w.replace(/\s+/gu, '').toLowerCase());

/** A milestone status that says the phase finished by its plan (按期完成, On time): compared without spaces. */
export function isOnTime(text: string): boolean {
  const words = text.replace(/\s+/gu, '').toLowerCase();
  return onTimeWords.some((w) => words === w || words.startsWith(w));
}

/** A header that numbers the rows rather than naming them (#, No., 序号). */
const rowNumber = /^(?:#|no\.?|id|序号|编号|行号)$/iu;

export function numbersRows(header: TextBlock): boolean {
  return rowNumber.test(header.text.trim());
}

const totalWords = (['sub', 'grand'] as const).flatMap((kind) => data.totals[kind].map((word) => ({ kind, word: squeeze(word) })));

/** Whether a row's first cell makes it a total (合计, Total (€k)) or a subtotal (小计) of the rows above it. */
export function totalKind(text: string): 'grand' | 'sub' | undefined {
  const cell = squeeze(text);
  return totalWords.find(({ word }) => cell.startsWith(word) && !/^[a-z]/u.test(cell.slice(word.length)))?.kind;
}

/** Whether a milestone status says the phase is finished (已完成, done, ✓). */
export function isDone(text: string): boolean {
  const cell = squeeze(text);
  return doneWords.some((w) => opens(cell, w));
}

/** Whether a cell holds nothing: empty, a dash, N/A, or a placeholder (【待补充】, TBD, XX). */
export function isBlank(cell: TextBlock | undefined): boolean {
  if (!cell) return true;
  const text = cell.text.trim();
  if (/^(?:|[-–—/]+|n\/?a|无|暂无)$/iu.test(text)) return true;
  return scanSpans(text, [{ start: 0, end: text.length }], placeholderPatterns).length > 0;
}

/** The content of a table cell in the document, without the pipes and padding its span includes. */
export function cellSpan(documentText: string, cell: Span): Span {
  const raw = documentText.slice(cell.start, cell.end);
  const lead = /^\|?\s*/u.exec(raw)![0].length;
  const trail = /\s*\|?$/u.exec(raw.slice(lead))![0].length;
  const end = cell.end - trail;
  return end > cell.start + lead ? { start: cell.start + lead, end } : { start: cell.start, end: cell.end };
}

/** A table row from its first cell's text to its last cell's. */
export function rowSpan(documentText: string, cells: readonly Span[]): Span {
  return { start: cellSpan(documentText, cells[0]!).start, end: cellSpan(documentText, cells[cells.length - 1]!).end };
}
