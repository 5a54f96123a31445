/**
 * A large report with one `#` title, as one long report is written, rather than the seeds concatenated (each
 * with its own title, which the engine then does not take for one report). Every chapter of the generic
 * schema, in order, numbered (一、… and 3.12); goals with figures, a KPI table and a milestone table that
 * speak of them, results that answer them, success claims, placeholders and vague quantities: every check
 * has work. The bulk is the seeds' own sections, chapter by chapter, repeated with their numbers and titles
 * made new, until the text is as large as asked.
 */

/** The generic schema's slots in order, with the chapter title the report gives each. */
const CHAPTERS = [
  ['goals', '项目背景与目标'],
  ['overview', '项目概述'],
  ['implementation', '项目实施过程'],
  ['results', '项目成果与效益'],
  ['management', '项目管理与控制'],
  ['resources', '项目资源与投入'],
  ['challenges', '存在问题与挑战'],
  ['success-factors', '成功要素分析'],
  ['lessons', '经验教训'],
  ['outlook', '未来展望与建议'],
  ['conclusion', '结语'],
] as const;

type Slot = (typeof CHAPTERS)[number][0];

/** Which slot each `##` chapter of the three seeds (in order) belongs to. */
const SEED_SLOTS: readonly (readonly Slot[])[] = [
  ['goals', 'overview', 'implementation', 'results', 'management', 'challenges', 'lessons', 'outlook', 'conclusion'],
  ['goals', 'overview', 'implementation', 'results', 'challenges', 'success-factors', 'lessons', 'outlook', 'conclusion'],
  ['goals', 'overview', 'implementation', 'results', 'resources', 'challenges', 'success-factors', 'lessons', 'conclusion'],
];

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'];

interface Section {
  readonly title: string;
  readonly body: string;
}

/** The `###` sections of each slot's chapters in the seeds (a chapter without any gives one, under its own title). */
function seedSections(seeds: readonly string[]): Map<Slot, Section[]> {
  const sections = new Map<Slot, Section[]>(CHAPTERS.map(([slot]) => [slot, []]));
  seeds.forEach((seed, s) => {
    const chapters = seed.split(/^## /m).slice(1);
    chapters.forEach((chapter, c) => {
      const slot = SEED_SLOTS[s]?.[c];
      if (!slot) return;
      const [heading = '', ...rest] = chapter.split('\n');
      const parts = rest.join('\n').split(/^### /m);
      const lead = parts[0]!.trim();
      const own = parts.slice(1).map((part) => {
        const [title = '', ...body] = part.split('\n');
        return { title: title.replace(/^[\d.]+\s*/, '').trim(), body: body.join('\n').trim() };
      });
      const title = heading.replace(/^第.章\s*/, '').trim();
      sections.get(slot)!.push(...(own.length ? (lead ? [{ title, body: lead }, ...own] : own) : [{ title, body: lead }]));
    });
  });
  return sections;
}

const DOMAINS = ['采购', '报销', '立项', '合同', '招聘', '入职', '报修', '结算', '对账', '开票'];

/** One goal's metric: how the goal, its KPI row and its result sentence write it. */
interface Metric {
  readonly name: string;
  readonly unit: string;
  readonly goal: (target: string) => string;
  readonly base: number;
  readonly target: number;
  /** The actual: a met goal, or (for every fifth domain) a missed one. */
  readonly actual: (missed: boolean) => number;
  readonly result: (actual: string) => string;
}

const METRICS: readonly Metric[] = [
  { name: '审批时长', unit: '个工作日', base: 5, target: 2, actual: (m) => (m ? 3 : 1.5), goal: (t) => `从 5 个工作日缩短至 ${t} 个工作日以内`, result: (a) => `由 5 个工作日缩短至 ${a} 个工作日` },
  { name: '处理时长', unit: '小时', base: 48, target: 24, actual: (m) => (m ? 30 : 20), goal: (t) => `从 48 小时缩短至 ${t} 小时以内`, result: (a) => `平均为 ${a} 小时` },
  { name: '差错率', unit: '%', base: 3.2, target: 1, actual: (m) => (m ? 1.4 : 0.8), goal: (t) => `从 3.2% 降低至 ${t}% 以下`, result: (a) => `降至 ${a}%` },
  { name: '满意度', unit: '%', base: 82, target: 90, actual: (m) => (m ? 87 : 93), goal: (t) => `提升至 ${t}% 以上`, result: (a) => `达到 ${a}%` },
  { name: '自动化率', unit: '%', base: 35, target: 80, actual: (m) => (m ? 72 : 85), goal: (t) => `达到 ${t}%`, result: (a) => `达到 ${a}%` },
  { name: '系统覆盖率', unit: '%', base: 40, target: 95, actual: (m) => (m ? 90 : 98), goal: (t) => `达到 ${t}%`, result: (a) => `为 ${a}%` },
  { name: '运营成本', unit: '万元', base: 260, target: 200, actual: (m) => (m ? 215 : 188), goal: (t) => `控制在 ${t} 万元以内`, result: (a) => `为 ${a} 万元` },
  { name: '一次解决率', unit: '%', base: 70, target: 85, actual: (m) => (m ? 81 : 88), goal: (t) => `提升至 ${t}%`, result: (a) => `提升至 ${a}%` },
  { name: '准时交付率', unit: '%', base: 76, target: 95, actual: (m) => (m ? 91 : 97), goal: (t) => `达到 ${t}% 以上`, result: (a) => `达到 ${a}%` },
  { name: '可用性', unit: '%', base: 99, target: 99.9, actual: (m) => (m ? 99.5 : 99.95), goal: (t) => `达到 ${t}%`, result: (a) => `为 ${a}%` },
];

/** The goals (one per domain and metric), their KPI table and milestone table, and the results that answer them. */
function goalParts(): { goals: string; milestones: string; kpi: string; results: string[] } {
  const goals: string[] = [];
  const rows: string[] = ['| 指标 | 基线值 | 目标值 | 实际值 | 达成情况 |', '| --- | --- | --- | --- | --- |'];
  const results: string[] = [];
  let n = 0;
  for (const [d, domain] of DOMAINS.entries()) {
    const sentences: string[] = [];
    for (const [m, metric] of METRICS.entries()) {
      n++;
      const missed = (d + m) % 5 === 0;
      // Every seventh goal still has its template's placeholder, every eleventh result a vague amount.
      const target = n % 7 === 0 ? 'XX' : String(metric.target);
      const actual = n % 11 === 0 ? '数十' : String(metric.actual(missed));
      goals.push(`${n}. ${domain}${metric.name}：${metric.goal(target)}。`);
      // Every thirteenth status contradicts its own row.
      const status = missed !== (n % 13 === 0) ? '未达成' : '达成';
      rows.push(`| ${domain}${metric.name} | ${metric.base}${metric.unit} | ${target}${metric.unit} | ${actual}${metric.unit} | ${status} |`);
      sentences.push(`${domain}${metric.name}${metric.result(actual)}${missed ? '，未达到预期目标' : ''}。`);
    }
    results.push(`${sentences.join('')}${d % 3 === 0 ? `${domain}条线各项考核指标均已全面完成。` : ''}`);
  }
  const milestones = ['| 里程碑 | 计划完成 | 实际完成 | 状态 |', '| --- | --- | --- | --- |'];
  for (let i = 1; i <= 60; i++) {
    const month = ((i - 1) % 12) + 1;
    const year = 2023 + Math.floor((i - 1) / 12);
    const late = i % 4 === 0;
    milestones.push(`| 第 ${i} 批业务上线 | ${year} 年 ${month} 月 15 日 | ${year} 年 ${month} 月 ${late ? 28 : 12} 日 | ${late ? '延期完成' : '按期完成'} |`);
  }
  return { goals: goals.join('\n'), milestones: milestones.join('\n'), kpi: rows.join('\n'), results };
}

/** The report with `rounds` repetitions of the seeds' sections in every chapter. */
function build(seeds: readonly string[], rounds: number): string {
  const pool = seedSections(seeds);
  const parts = goalParts();
  const out: string[] = ['# 集团共享服务中心数字化转型项目总结报告', ''];
  CHAPTERS.forEach(([slot, title], c) => {
    out.push(`## ${NUMERALS[c]}、${title}`, '');
    const extra: Section[] = [];
    if (slot === 'goals') extra.push({ title: '项目目标', body: `项目立项时确定的考核目标如下：\n\n${parts.goals}` });
    if (slot === 'overview') extra.push({ title: '主要阶段与关键里程碑', body: `各批业务的上线计划与完成情况：\n\n${parts.milestones}` });
    if (slot === 'results') {
      extra.push({ title: '关键绩效指标', body: `各项指标的完成情况如下：\n\n${parts.kpi}` });
      extra.push(...parts.results.map((body, i) => ({ title: `${DOMAINS[i]}业务成效`, body })));
    }
    let k = 0;
    const section = (s: Section, round?: number): void => {
      out.push(`### ${c + 1}.${++k} ${s.title}${round === undefined ? '' : `（第 ${round} 批）`}`, '', s.body, '');
    };
    extra.forEach((s) => section(s));
    const own = pool.get(slot)!;
    // The conclusion stays one short chapter, as in any report.
    if (slot === 'conclusion') out.push(own.map((s) => s.body).join('\n\n'), '');
    else for (let r = 1; r <= rounds; r++) own.forEach((s) => section(s, r));
  });
  return out.join('\n');
}

/** A single-title report of about `targetBytes` (UTF-8), within 5 %. */
export function singleTitleReport(seeds: readonly string[], targetBytes: number): string {
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  const one = bytes(build(seeds, 1));
  const perRound = bytes(build(seeds, 2)) - one;
  const text = build(seeds, Math.max(1, Math.round((targetBytes - one) / perRound) + 1));
  if (Math.abs(bytes(text) - targetBytes) > targetBytes * 0.05) throw new Error(`single-title report is ${bytes(text)} bytes, more than 5% away from ${targetBytes}`);
  return text;
}
