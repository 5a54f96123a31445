/**
 * Answer keys of keyed reports (`NAME.md` with `NAME.key.json` beside it): what a careful human reader
 * says about a report. The format is described in /work/shared/corpus/keyed/KEYS.md; lines are 1-based,
 * in the file as it is on disk, and every text is an exact substring of its line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type KeyVerdict = 'met' | 'missed' | 'unverifiable' | 'no-outcome';
export type KeyDirection = 'at-least' | 'at-most' | 'exactly' | 'increase-by' | 'decrease-by' | 'by-date';

/** A quoted piece of one line. */
export interface KeyItem {
  readonly line: number;
  readonly text: string;
}

export interface KeyChapter {
  readonly line: number;
  readonly heading: string;
  /** The generic schema's slots the chapter fills; empty for an appendix and the like. */
  readonly slots: readonly string[];
}

export interface KeyGoal {
  readonly id: string;
  readonly line: number;
  /** Other lines that restate the goal (a KPI table row…). */
  readonly also_at?: readonly number[];
  readonly text: string;
  readonly metric: string;
  /** A figure, or an ISO date for `by-date`. */
  readonly target: { readonly value: number | string | null; readonly unit: string; readonly direction: KeyDirection };
  /** Absent when the verdict is `no-outcome`. */
  readonly outcome?: { readonly line: number; readonly quote: string; readonly actual?: { readonly value: number | string | null; readonly unit: string } };
  readonly verdict: KeyVerdict;
  readonly why: string;
}

export interface Key {
  readonly file: string;
  readonly language: 'zh' | 'en';
  readonly is_report: boolean;
  readonly domain?: string;
  readonly chapter_level?: number;
  readonly chapters: readonly KeyChapter[];
  readonly covered_as_section?: readonly { readonly slot: string; readonly line: number; readonly heading: string }[];
  readonly missing_slots: readonly string[];
  readonly order_defects?: readonly { readonly line: number; readonly slot: string; readonly before: string }[];
  readonly placeholders?: readonly KeyItem[];
  readonly vague_quantities?: readonly KeyItem[];
  readonly goals?: readonly KeyGoal[];
  readonly not_goals?: readonly (KeyItem & { readonly why: string })[];
  readonly kpi_table_defects?: readonly (KeyItem & { readonly problem: string })[];
  readonly milestone_defects?: readonly (KeyItem & { readonly problem: string })[];
  readonly unsupported_claims?: readonly (KeyItem & { readonly why: string })[];
  readonly status_contradictions?: readonly (KeyItem & { readonly why: string })[];
}

export interface KeyedReport {
  /** The report's file name. */
  readonly name: string;
  readonly text: string;
  readonly key: Key;
}

/** The keyed reports of a folder, by name; none when the folder does not exist. */
export function readKeyedReports(dir: string): KeyedReport[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir)
    .filter((f) => f.endsWith('.key.json'))
    .sort()
    .map((keyFile) => {
      const key = JSON.parse(fs.readFileSync(path.join(dir, keyFile), 'utf8')) as Key;
      const name = key.file || keyFile.replace(/\.key\.json$/, '.md');
      return { name, text: fs.readFileSync(path.join(dir, name), 'utf8'), key };
    });
}
