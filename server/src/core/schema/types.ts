import type { LocalizedText } from '../report/l10n.js';

export type TableKindName = 'kpi' | 'milestone';

/** One chapter a report of this kind has: 背景与目标, 实施过程, 经验教训… */
export interface SlotDefinition {
  /** Stable id, part of the public contract (`goals`, `lessons`…). */
  readonly id: string;
  readonly title: LocalizedText;
  readonly required: boolean;
  /** Words and phrases that identify the chapter in a heading (Chinese and English), at normal weight. */
  readonly aliases: readonly string[];
  /** Terms specific to this slot: they outweigh an alias (后续, 下一步, next steps for the outlook). */
  readonly strong: readonly string[];
  /** Terms too general to decide alone (计划, approach): they count only in a heading part with nothing better. */
  readonly weak: readonly string[];
  /**
   * Terms that name the slot when they stand alone but name only the topic when it precedes them: 总结 is a
   * conclusion, 技术架构总结 a summary of the architecture (normal weight, like an alias, otherwise).
   */
  readonly yielding: readonly string[];
  readonly guidance: LocalizedText | undefined;
  /** Usual sections, used by the skeleton. */
  readonly sections: readonly LocalizedText[];
  /** Tables that belong in this chapter: offered by completion, written by the skeleton. */
  readonly tables: readonly TableKindName[];
  /**
   * An optional slot that may stand anywhere after the first and before the second slot, instead of at
   * its place in the list (either end may be null: no bound on that side).
   */
  readonly between: readonly [string | null, string | null] | undefined;
}

export interface ChapterSchema {
  readonly id: string;
  readonly name: LocalizedText;
  readonly description: LocalizedText | undefined;
  /** Title words that select this schema when front matter names none. */
  readonly titleKeywords: readonly string[];
  /** In the order the chapters should appear. */
  readonly slots: readonly SlotDefinition[];
  /** `builtin:<id>` or the file the schema was read from. */
  readonly source: string;
}

/** Something wrong in a schema file, located in that file. */
export interface SchemaProblem {
  readonly source: string;
  readonly start: number;
  readonly end: number;
  readonly key: string;
  readonly args: Readonly<Record<string, string | number>>;
}
