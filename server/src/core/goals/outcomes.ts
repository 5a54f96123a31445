/**
 * What a report says it achieved: the sentences of its results chapter(s), the rows of its KPI tables,
 * and — with less confidence — the sentences of other chapters (not the goals chapter, not the outlook,
 * not sentences about what is still to come).
 */
import type { ClassifiedChapter } from '../report/chapters.js';
import type { ReportModel, Section, Span, TableInfo, TextBlock } from '../parse/model.js';
import { cellSpan, isBlank, kpiColumns, milestoneColumns, rowSpan, statusOf } from './columns.js';
import { budgetRows, cellReader, kpiRows, rowActual, rowStatus, rowTarget } from './kpi.js';
import type { Target } from './verdict.js';
import { classifyTable } from '../report/tableKinds.js';
import { dateUnit, readSentenceOnce, type Reading } from './measure.js';
import { eventsIn, phrases } from './phrases.js';
import { blocksOverlapping, labelOf, sentencesOf, within } from './segments.js';

export type OutcomeSource = 'results' | 'kpi-table' | 'milestone-table' | 'fallback';

export interface OutcomeStatement extends Span {
  /** The sentence, or a KPI row's cells joined by ` | `. */
  readonly text: string;
  readonly source: OutcomeSource;
  /** Names the statement goes by: the label before a colon, a KPI row's metric. */
  readonly labels: readonly string[];
  /** The title of the section it stands in (4.4 员工满意度提升), a weaker hint of its subject. */
  readonly heading: string | undefined;
  readonly readings: readonly Reading[];
  /** The statement itself says the target was missed (未达成, Not met, 距离目标差…). */
  readonly acknowledgesMiss: boolean;
  /** A KPI row's status cell and what it says (达成, ✅, Not achieved): the report's own verdict. */
  readonly status: StatedStatus | undefined;
  /** A KPI row's own target: a row that names a goal's target again reports on that goal. */
  readonly target?: Target;
}

/** A status cell (达成, ✅, Not achieved) and what it says. */
export interface StatedStatus {
  readonly says: 'met' | 'missed';
  readonly cell: TextBlock;
}

/**
 * Chapters that hold no outcomes: the goals themselves, the scope and plans, the problems and lessons, and
 * what comes next. Other chapters (implementation, conclusion, unknown slots) are the fallback.
 */
const noOutcomes = new Set(['goals', 'overview', 'challenges', 'lessons', 'risks', 'outlook']);

/** The innermost section around `at`. */
function sectionAt(section: Section, at: number): Section {
  const inner = section.sections.find((s) => s.start <= at && at < s.end);
  return inner ? sectionAt(inner, at) : section;
}

/**
 * Statements read at most: a document with more is no report a person wrote (the robustness tests feed
 * 5 MB), and matching costs goals × statements. The results chapter and the KPI tables come first.
 */
const maximumStatements = 2000;

/**
 * A block's statements as last read, per paragraph, with the heading each paragraph was read under: they
 * hold document offsets, so they stand only while the block starts where it did (`start`). Kept in the
 * block's memo, one per source (a fallback chapter leaves out sentences about the future).
 */
interface BlockStatements {
  readonly start: number;
  readonly headings: (string | undefined)[];
  readonly statements: (readonly OutcomeStatement[] | undefined)[];
}
/**
 * How a chapter is read for outcomes: all its figures (the results, or as a fallback), or only the days
 * things happened (a chapter of problems tells when a slipped go-live took place).
 */
type ChapterReading = 'results' | 'fallback' | 'dates';
const memoKeys: Readonly<Record<ChapterReading, object>> = { results: {}, fallback: {}, dates: {} };

/** The statements of one paragraph (document offsets), under `heading`, each with its label and figures. */
function paragraphStatements(text: string, start: number, end: number, read: ChapterReading, heading: string | undefined): OutcomeStatement[] {
  const statements: OutcomeStatement[] = [];
  const label = labelOf(text.slice(start, end))?.label;
  const source = read === 'results' ? 'results' : 'fallback';
  for (const sentence of sentencesOf(text, start, end)) {
    const lower = sentence.text.toLowerCase();
    // Outside the results chapter a sentence about the future (将会, 计划, will) reports nothing yet.
    if (source === 'fallback' && phrases.future.test(lower)) continue;
    const all = readSentenceOnce(sentence.text, sentence.start);
    const readings = read === 'dates' ? all.filter((r) => r.quantity.unit === dateUnit && r.quantity.bound === undefined) : all;
    if (read === 'dates' && readings.length === 0) continue;
    statements.push({
      start: sentence.start,
      end: sentence.end,
      text: sentence.text,
      source,
      labels: label ? [label] : [],
      heading,
      readings,
      acknowledgesMiss: phrases.acknowledged.test(lower),
      status: undefined,
    });
  }
  return statements;
}

/**
 * The sentences of one chapter, each with its label, section heading and figures: those of its paragraphs
 * (wholly within it, as `paragraphsWithin` finds them). A paragraph of a block that stands where it stood,
 * under the same heading, gives the statements it gave before (see `BlockStatements`).
 */
function chapterStatements(model: ReportModel, chapter: ClassifiedChapter, source: ChapterReading, into: OutcomeStatement[]): void {
  // Once the statements are all read, the chapters after are not even looked through.
  if (into.length >= maximumStatements) return;
  const outer = chapter.section;
  for (const block of blocksOverlapping(model.blocks, outer)) {
    const memo = block.memo.get(memoKeys[source]) as BlockStatements | undefined;
    const kept: BlockStatements = memo?.start === block.start ? memo : { start: block.start, headings: [], statements: [] };
    if (kept !== memo) block.memo.set(memoKeys[source], kept);
    for (let index = 0; index < block.paragraphs.length; index++) {
      const paragraph = block.paragraphs[index]!;
      const start = block.start + paragraph.start;
      const end = block.start + paragraph.end;
      if (start < outer.start || start >= outer.end || end > outer.end) continue;
      const section = sectionAt(outer, start);
      const heading = section === outer ? undefined : section.heading.title;
      let statements = kept.statements[index];
      if (!statements || kept.headings[index] !== heading) {
        statements = paragraphStatements(model.text, start, end, source, heading);
        kept.statements[index] = statements;
        kept.headings[index] = heading;
      }
      for (const statement of statements) {
        if (into.length >= maximumStatements) return;
        into.push(statement);
      }
    }
  }
}

/**
 * The statements of each table read before, by table: they depend on its cells alone, and a table's model
 * is new wherever its block was parsed again or moved. Shared, so that their readings are too (see
 * `rankOutcomes`, which finds a statement's matches by them).
 */
const kpiOfTable = new WeakMap<TableInfo, readonly OutcomeStatement[]>();
/** By table, as read in a chapter that reports what was done (index 1) and elsewhere (index 0). */
const milestonesOfTable = new WeakMap<TableInfo, (readonly OutcomeStatement[] | undefined)[]>();

/** The rows of a KPI or budget table that give an actual figure. */
function kpiTableStatements(text: string, table: TableInfo): readonly OutcomeStatement[] {
  let found = kpiOfTable.get(table);
  if (found) return found;
  const own: OutcomeStatement[] = [];
  const read = cellReader(text);
  for (const row of kpiRows(text, table) ?? budgetRows(text, table) ?? []) {
    if (!row.actual && !row.deviation) continue;
    const reading = rowActual(read, row);
    if (!row.actual && !reading) continue;
    const says = rowStatus(row);
    const target = rowTarget(read, row);
    own.push({
      start: row.start,
      end: row.end,
      text: row.cells.map((c) => c.text).join(' | '),
      source: 'kpi-table',
      labels: [row.metric],
      heading: undefined,
      readings: reading ? [reading] : [],
      acknowledgesMiss: says === 'missed',
      status: says && row.status ? { says, cell: row.status } : undefined,
      target,
    });
  }
  kpiOfTable.set(table, (found = own));
  return found;
}

/** The rows of the KPI tables that give an actual figure. */
function kpiStatements(model: ReportModel, into: OutcomeStatement[]): void {
  // A table with actual figures reports results wherever it stands, in the goals chapter too (a
  // scorecard under the goals); its rows without one report nothing.
  for (const table of model.tables) {
    for (const statement of kpiTableStatements(model.text, table)) {
      if (into.length >= maximumStatements) return;
      into.push(statement);
    }
  }
}

/**
 * The rows of a milestone table with an actual finish: the day a phase was done, for a deadline goal
 * (全部竣工 | 2024-09-30 | 2024-11-14). A table of phases with one date column and no plan (阶段 | 时间) in a
 * chapter that reports what was done gives its dates as the days the phases were done (上线试运行 | 2024 年
 * 6 月 18 日).
 */
function milestoneTableStatements(text: string, table: TableInfo, reportsDone: boolean): readonly OutcomeStatement[] {
  const known = milestonesOfTable.get(table) ?? [];
  const found = known[reportsDone ? 1 : 0];
  if (found) return found;
  const own: OutcomeStatement[] = [];
  const columns = classifyTable(table) === 'milestone' ? milestoneColumns(table) : {};
  const planned = columns.plannedStart !== undefined || columns.plannedFinish !== undefined || columns.actualStart !== undefined;
  const column = columns.actualFinish ?? (reportsDone && !planned ? columns.date : undefined);
  for (const cells of column === undefined ? [] : table.rows) {
    const cell = cells[column!];
    if (!cell || isBlank(cell)) continue;
    const span = cellSpan(text, cell);
    const phase = cells[0]!.text;
    const reading = readSentenceOnce(text.slice(span.start, span.end), span.start).find((r) => r.quantity.bound === undefined);
    if (!reading) continue;
    own.push({
      ...rowSpan(text, cells),
      text: cells.map((c) => c.text).join(' | '),
      source: 'milestone-table',
      labels: [phase],
      heading: undefined,
      // The phase names the event its date is of (Wave 2 live, 竣工验收).
      readings: [{ ...reading, metric: phase, events: eventsIn(phase.toLowerCase()) }],
      acknowledgesMiss: false,
      status: undefined,
    });
  }
  known[reportsDone ? 1 : 0] = own;
  milestonesOfTable.set(table, known);
  return own;
}

/** The rows of the milestone tables with an actual finish (or, in `done`, the dates of what was done). */
function milestoneStatements(model: ReportModel, done: readonly Span[], into: OutcomeStatement[]): void {
  for (const table of model.tables) {
    for (const statement of milestoneTableStatements(model.text, table, done.some((span) => within(table, span)))) {
      if (into.length >= maximumStatements) return;
      into.push(statement);
    }
  }
}

/** A row of a table that gives each objective a status and no figure (Objective | Status). */
export interface StatusRow {
  readonly label: string;
  readonly status: StatedStatus;
}

const statusRowsOfTable = new WeakMap<TableInfo, readonly StatusRow[]>();

/**
 * The rows of tables that only say whether each objective was met (O4 12-month follow-up | Met): a status
 * column, a name in the first, and no target, actual or baseline column.
 */
export function statusRows(model: ReportModel): StatusRow[] {
  return model.tables.flatMap((table) => {
    let rows = statusRowsOfTable.get(table);
    if (!rows) {
      const columns = classifyTable(table) === 'other' ? kpiColumns(table) : {};
      const only = columns.status !== undefined && columns.status > 0 && columns.target === undefined && columns.actual === undefined && columns.baseline === undefined;
      rows = only
        ? table.rows.flatMap((cells) => {
            const cell = cells[columns.status!];
            const says = cell ? statusOf(cell.text) : undefined;
            return cell && says && cells[0]?.text.trim() ? [{ label: cells[0].text.trim(), status: { says, cell } }] : [];
          })
        : [];
      statusRowsOfTable.set(table, rows);
    }
    return [...rows];
  });
}

export function collectOutcomes(model: ReportModel, chapters: readonly ClassifiedChapter[]): OutcomeStatement[] {
  const statements: OutcomeStatement[] = [];
  const usable = chapters.filter((c) => !c.slots.some((slot) => noOutcomes.has(slot)));
  for (const chapter of usable.filter((c) => c.slots.includes('results'))) chapterStatements(model, chapter, 'results', statements);
  kpiStatements(model, statements);
  milestoneStatements(model, usable.map((c) => c.section), statements);
  for (const chapter of usable.filter((c) => !c.slots.includes('results'))) chapterStatements(model, chapter, 'fallback', statements);
  for (const chapter of chapters.filter((c) => c.slots.length === 1 && c.slots[0] === 'challenges')) chapterStatements(model, chapter, 'dates', statements);
  return statements.sort((a, b) => a.start - b.start);
}
