import type { TableInfo } from './model.js';

export type TableKind = 'kpi' | 'milestone' | 'other';

const kpiName = /指标|kpi|metric|indicator|measure/i;
const kpiValue = /目标|实际|达成|基线|target|actual|baseline|achiev/i;
const milestoneName = /阶段|里程碑|任务|milestone|phase|stage/i;
const milestoneDate = /计划|实际|日期|时间|完成|开始|date|planned|actual|start|finish|due/i;

/** A KPI table names metrics and their target/actual values; a milestone table names phases and dates. */
export function classifyTable(table: TableInfo): TableKind {
  const headers = table.header.map((c) => c.text);
  const has = (pattern: RegExp) => headers.some((h) => pattern.test(h));
  if (has(kpiName) && has(kpiValue)) return 'kpi';
  if (has(milestoneName) && has(milestoneDate)) return 'milestone';
  return 'other';
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
