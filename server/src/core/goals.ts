import type { ReportAnalysis } from './analyze.js';
import type { Span } from './model.js';

/** One objective the report states in its goals chapter. */
export interface GoalStatement extends Span {
  readonly text: string;
  /** A short name for the objective: the label before a colon, or the start of the sentence. */
  readonly label: string;
  /** The target as written (`XX%以上`, `≥ 90%`, `3个工作日以内`), when the statement has one. */
  readonly target: string | undefined;
}

const target =
  /(?:[≥≤>＞<＜]=?\s*|不低于|不少于|不超过|至少|达到|缩短|降低|提升|提高|减少|增长|增加|at least|at most|by|to)?\s*(?:[€$¥￥]\s?)?(?:\d[\d,，]*(?:\.\d+)?|[Xx×]{2,}|[一二两三四五六七八九十]+)\s*(?:%|％|个百分点|万元|亿元|元|个工作日|工作日|小时|分钟|毫秒|秒|天|周|个月|月|年|倍|项|个|家|人次|人|m³\/h|ms|s)?\s*(?:以上|以内|以下|之内|左右)?/iu;

const labelled = /^\s*([^:：,，。；;]{2,16})[:：]\s*(.+)$/su;

function statement(start: number, end: number, raw: string): GoalStatement | undefined {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text.length < 2) return undefined;
  const match = labelled.exec(text);
  const label = match ? match[1]!.trim() : text.replace(/^(?:最终|同时|此外|并|以及)[,，]?\s*/u, '').slice(0, 16);
  const found = target.exec(match ? match[2]! : text);
  const value = found?.[0].trim();
  return { start, end, text, label, target: value && /[\dXx×一二两三四五六七八九十]/u.test(value) ? value : undefined };
}

/**
 * The objectives of the goals chapter(s): each item of a list, and each part of a sentence that
 * enumerates goals after a colon (项目的核心目标包括：A；B；C).
 */
export function findGoalStatements(analysis: ReportAnalysis): GoalStatement[] {
  const { model } = analysis;
  const goals: GoalStatement[] = [];
  for (const chapter of analysis.chapters) {
    if (!chapter.slots.includes('goals')) continue;
    const inside = (s: Span) => s.start >= chapter.section.start && s.end <= chapter.section.end;
    const items = model.listItems.filter((item) => item.level === 0 && inside(item));
    for (const item of items) {
      const goal = statement(item.start, item.end, item.text);
      if (goal) goals.push(goal);
    }
    for (const paragraph of model.paragraphs.filter(inside)) {
      if (items.some((item) => item.start <= paragraph.start && paragraph.end <= item.end)) continue;
      const lead = /目标(?:包括|是|有|为|如下)?[:：]/u.exec(model.text.slice(paragraph.start, paragraph.end));
      if (!lead) continue;
      let cursor = paragraph.start + lead.index + lead[0].length;
      for (const part of model.text.slice(cursor, paragraph.end).split(/(?<=[；;。])/u)) {
        const trimmedStart = cursor + (part.length - part.trimStart().length);
        const body = part.replace(/[；;。\s]+$/u, '');
        const goal = statement(trimmedStart, trimmedStart + body.trimStart().length, body);
        if (goal) goals.push(goal);
        cursor += part.length;
      }
    }
  }
  return goals;
}
