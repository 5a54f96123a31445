import columnsYaml from '../../../data/table-columns.yaml';
import { parseDate } from './dates.js';
import { localize, type Locale } from './l10n.js';
import type { TableInfo } from '../parse/model.js';

/** `scorecard`: the goal check's own table, inserted into the report; never read as goals or outcomes. */
export type TableKind = 'kpi' | 'milestone' | 'scorecard' | 'other';

const kinds = columnsYaml.tableKinds;
const anyOf = (sources: readonly string[]) => new RegExp(sources.join('|'), 'iu');
const kpiName = anyOf(kinds.kpi.name);
const kpiValue = anyOf(kinds.kpi.value);
const kpiTarget = anyOf(kinds.kpi.target);
const kpiActual = anyOf(kinds.kpi.actual);
const milestoneName = anyOf(kinds.milestone.name);
const milestoneDate = anyOf(kinds.milestone.date);
const headingWords = { kpi: anyOf(kinds.kpi.headings), milestone: anyOf(kinds.milestone.headings) };

/** The kinds of table a heading asks for (里程碑 a milestone table, 绩效指标 a KPI table). */
export function tableKindsNamedBy(title: string): ('kpi' | 'milestone')[] {
  return (['milestone', 'kpi'] as const).filter((kind) => headingWords[kind].test(title));
}

const locales: readonly Locale[] = ['zh-cn', 'en'];

/** The columns of the scorecard the goal check writes: 指标 | 目标值 | 实际值 | 达成率 | 结论. */
export const scorecardColumns = ['metric', 'target', 'actual', 'achievement', 'verdict'] as const;

export function scorecardHeader(locale: Locale): string[] {
  return scorecardColumns.map((column) => localize(locale, `scorecard.column.${column}`));
}

const verdictKeys = ['met', 'missed', 'unverifiable', 'noOutcome'].map((v) => `goalCheck.verdict.${v}`);

/** The scorecard's headers and verdict words, lower-cased, in each language. */
const scorecards = locales.map((locale) => ({
  header: scorecardHeader(locale).map((h) => h.toLowerCase()),
  verdicts: verdictKeys.map((key) => localize(locale, key).toLowerCase()),
}));

/**
 * Whether a table is a scorecard the goal check wrote: exactly its header, in either language, and a
 * verdict word opening every row's last cell. It restates the report's own figures, so reading it as
 * goals or outcomes would count them twice (or let it decide against the results chapter).
 */
function isScorecard(headers: readonly string[], table: TableInfo): boolean {
  const lower = headers.map((h) => h.trim().toLowerCase());
  return scorecards.some(({ header, verdicts }) =>
    header.length === lower.length &&
    header.every((h, i) => h === lower[i]) &&
    table.rows.every((row) => {
      const last = row[row.length - 1]?.text.trim().toLowerCase() ?? '';
      return verdicts.some((v) => last.startsWith(v));
    }));
}

/**
 * Each table's kind, by table: the checks, the goals and the outline all ask, and a table's model is new
 * wherever its block was parsed again (its kind depends on its cells alone).
 */
const kindOfTable = new WeakMap<TableInfo, TableKind>();

/** A KPI table names metrics and their target/actual values; a milestone table names phases and dates. */
export function classifyTable(table: TableInfo): TableKind {
  let kind = kindOfTable.get(table);
  if (kind === undefined) kindOfTable.set(table, (kind = readKind(table)));
  return kind;
}

function readKind(table: TableInfo): TableKind {
  const headers = table.header.map((c) => c.text);
  if (isScorecard(headers, table)) return 'scorecard';
  const has = (pattern: RegExp) => headers.some((h) => pattern.test(h));
  if ((has(kpiName) && has(kpiValue)) || (has(kpiTarget) && has(kpiActual))) return 'kpi';
  if (has(milestoneName) && has(milestoneDate)) return 'milestone';
  return datedColumns(table) >= 2 ? 'milestone' : 'other';
}

/**
 * The columns whose header is a date's (Planned, Actual, 计划, 实际) and whose cells are dates, at least two
 * in three of those written: Activity | Planned | Actual names its phases in words no list can hold.
 */
function datedColumns(table: TableInfo): number {
  return table.header.filter((header, column) => {
    if (!milestoneDate.test(header.text)) return false;
    const written = table.rows.map((row) => row[column]?.text.trim() ?? '').filter((text) => text !== '');
    return written.length >= 2 && written.filter((text) => parseDate(text) !== undefined).length * 3 >= written.length * 2;
  }).length;
}

/** Column headers of the tables the tool writes (completion, skeleton), in both languages. */
export const tableHeaders = {
  kpi: {
    'zh-cn': ['指标', '基线值', '目标值', '实际值', '达成率', '状态'],
    en: ['Metric', 'Baseline', 'Target', 'Actual', 'Achievement', 'Status'],
  },
  milestone: {
    'zh-cn': ['阶段', '计划开始', '计划完成', '实际完成', '里程碑', '状态'],
    en: ['Phase', 'Planned start', 'Planned finish', 'Actual finish', 'Milestone', 'Status'],
  },
} as const;
