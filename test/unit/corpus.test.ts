/**
 * The three seed reports of test/fixtures/corpus, checked against CORPUS-README.md: chapter titles and
 * lines, the schema each one gets, every placeholder line (with its count and text) and the vague
 * quantities it lists.
 */
import * as assert from 'node:assert/strict';
import type { ReportAnalysis } from '../../server/src/core/index.js';
import { analyzeText, codesOf, diagnosticsOf, lineOf, lineStart, lineText, offsetsOf, readFixture, textOf, textsByLine } from './util.js';

/** [line, placeholder text, how many times on that line] */
type PlaceholderLine = readonly [number, string, number];
/**
 * [line, vague quantity as CORPUS-README writes it, how many times on that line, and the text reported
 * when it differs: the README quotes a word with its context, the engine reports the quantity]
 */
type VagueLine = readonly [number, string, number, string?];

interface Seed {
  readonly file: string;
  readonly title: string;
  readonly schema: string;
  readonly schemaReason: 'title' | 'front-matter';
  /** Added to every line number of CORPUS-README (12 for the front-matter variant of seed 3). */
  readonly shift: number;
  readonly chapters: readonly (readonly [number, string, readonly string[]])[];
  readonly placeholders: readonly PlaceholderLine[];
  readonly vague: readonly VagueLine[];
}

const seed3Chapters: Seed['chapters'] = [
  [3, '第一章 项目缘起与目标', ['goals']],
  [16, '第二章 项目规划与范围', ['overview']],
  [49, '第三章 实施步骤与方法', ['implementation']],
  [91, '第四章 关键绩效指标(KPI)与成果', ['results']],
  [121, '第五章 项目资源与投入', ['resources']],
  [139, '第六章 面临的阻力与克服', ['challenges']],
  [173, '第七章 项目成功因素', ['success-factors']],
  [191, '第八章 经验沉淀与推广价值', ['lessons']],
  [217, '第九章 总结与展望', ['conclusion', 'outlook']],
];
const seed3Placeholders: readonly PlaceholderLine[] = [
  [9, 'XX%', 1],
  [10, 'XX万元', 1],
  [11, 'XX%', 1],
  [113, 'XX%', 1],
];
const seed3Vague: readonly VagueLine[] = [
  [9, '数个', 1],
  [95, '数个', 1, '数个工作日'], // 数个工作日: a few working days
  [195, '数个', 1],
  [95, '数小时', 1],
  [97, '数周', 1],
  [102, '数万元', 1],
  [64, '数套', 1],
  [66, '数十种', 1],
  [127, '数位', 1],
];

const seeds: readonly Seed[] = [
  {
    file: 'corpus/seed-1-system-integration.md',
    title: '复杂系统集成项目总结报告',
    schema: 'system-integration',
    schemaReason: 'title',
    shift: 0,
    chapters: [
      [3, '第一章 引言', ['goals']],
      [11, '第二章 项目概述', ['overview']],
      [44, '第三章 项目实施情况', ['implementation']],
      [62, '第四章 项目成果与效益', ['results']],
      [83, '第五章 项目管理与控制', ['management']],
      [101, '第六章 存在问题与挑战', ['challenges']],
      [115, '第七章 经验教训', ['lessons']],
      [141, '第八章 未来展望与建议', ['outlook']],
      [161, '第九章 结语', ['conclusion']],
    ],
    placeholders: [
      [31, 'XX月', 2],
      [33, 'XX月', 2],
      [35, 'XX月', 2],
      [37, 'XX月', 2],
      [39, 'XX月', 2],
      [41, 'XX月', 1], // `XX月至今`: the placeholder is XX月
      [60, 'XXGB', 1],
    ],
    vague: [
      [29, '数月', 1],
      [48, '超过百场次', 1],
      [48, '近千项', 1],
      [60, '超过千条', 1],
      [60, '数周', 1],
      [60, '数百个', 1],
      [60, '近半数', 1],
      [66, '数十大', 1, '数十'], // 数十大关键业务流程: the quantity is 数十 (大, "major", is not a unit)
      [74, '数天', 1],
      [74, '数小时', 1],
      [81, '数万元', 1],
      [91, '数十项', 1],
    ],
  },
  {
    file: 'corpus/seed-2-market-expansion.md',
    title: '区域市场拓展与品牌建设项目总结报告',
    schema: 'market-expansion',
    schemaReason: 'title',
    shift: 0,
    chapters: [
      [3, '第一章 项目启动与目标', ['goals']],
      [16, '第二章 市场调研与策略制定', ['overview']],
      [51, '第三章 项目实施过程', ['implementation']],
      [80, '第四章 核心成果与市场反馈', ['results']],
      [106, '第五章 项目挑战与应对', ['challenges']],
      [132, '第六章 成功要素分析', ['success-factors']],
      [150, '第七章 经验总结与启示', ['lessons']],
      [176, '第八章 后续发展建议', ['outlook']],
      [196, '第九章 总结', ['conclusion']],
    ],
    placeholders: [
      [9, 'XX%', 1],
      [10, 'XX%', 1],
      [11, 'XX万元', 1],
      [32, '某款', 1],
      [84, 'XX%', 1],
      [85, 'XX万元', 1],
      [85, 'XX%', 2],
      [90, 'XX%', 2],
      [90, 'XX个百分点', 1],
      [91, 'XX%', 1],
      [96, 'XX%', 1],
      [97, 'XX%', 1],
    ],
    vague: [
      [12, '数家', 1],
      [46, '数家', 1],
      [92, '数家', 2],
      [102, '数家', 1],
      [103, '数家', 1],
      [103, '数百家', 1],
      [9, '数月', 1],
      [56, '数周', 1],
      [61, '数个', 1],
      [65, '数位', 1],
      [140, '数场', 1],
    ],
  },
  {
    file: 'corpus/seed-3-process-optimization.md',
    title: '内部流程优化与效率提升项目总结报告',
    schema: 'process-optimization',
    schemaReason: 'title',
    shift: 0,
    chapters: seed3Chapters,
    placeholders: seed3Placeholders,
    vague: seed3Vague,
  },
  {
    file: 'corpus/seed-3-with-frontmatter.md',
    title: '内部流程优化与效率提升项目总结报告',
    schema: 'process-optimization',
    schemaReason: 'front-matter',
    shift: 12,
    chapters: seed3Chapters,
    placeholders: seed3Placeholders,
    vague: seed3Vague,
  },
];

/** `line → sorted placeholder texts` as CORPUS-README lists them. */
function expectedPlaceholders(seed: Seed): Map<number, string[]> {
  const expected = new Map<number, string[]>();
  for (const [line, text, count] of seed.placeholders) {
    const shifted = line + seed.shift;
    expected.set(shifted, [...(expected.get(shifted) ?? []), ...Array<string>(count).fill(text)].sort());
  }
  return expected;
}

function sortedValues(map: Map<number, string[]>): [number, string[]][] {
  return [...map.entries()].map(([line, texts]): [number, string[]] => [line, [...texts].sort()]).sort((a, b) => a[0] - b[0]);
}

for (const seed of seeds) {
  describe(`corpus: ${seed.file}`, () => {
    const text = readFixture(seed.file);
    let analysis: ReportAnalysis;
    before(() => {
      analysis = analyzeText(text, `file:///r/${seed.file.split('/').pop()}`);
    });

    it(`is a report titled ${seed.title}`, () => {
      assert.equal(analysis.isReport, true);
      assert.equal(analysis.title, seed.title);
    });

    it(`is checked against the ${seed.schema} schema, chosen by ${seed.schemaReason}`, () => {
      assert.equal(analysis.schema.id, seed.schema);
      assert.equal(analysis.schemaReason, seed.schemaReason);
    });

    it('has the nine chapters of CORPUS-README, at their lines, filling the listed slots', () => {
      assert.deepEqual(
        analysis.chapters.map((c) => [lineOf(text, c.section.start), c.section.heading.text, [...c.slots]]),
        seed.chapters.map(([line, title, slots]) => [line + seed.shift, title, [...slots]]),
      );
      assert.equal(analysis.model.chapterDepth, 2);
    });

    it('has no structural, numbering or front matter problems', () => {
      const unwanted = ['missing-chapter', 'chapter-order', 'duplicate-chapter', 'numbering', 'frontmatter', 'unknown-schema', 'empty-section'];
      assert.deepEqual(analysis.diagnostics.filter((d) => unwanted.includes(d.code)).map((d) => `${d.code}: ${d.message}`), []);
      assert.deepEqual(analysis.missing, []);
      // Goals and claims are pinned line by line in goals-corpus.test.ts; tables and missed goals must not appear.
      const pinnedElsewhere = ['placeholder', 'vague-quantity', 'goal-no-outcome', 'unsupported-claim', 'unit-mismatch'];
      assert.deepEqual(codesOf(analysis).filter((c) => !pinnedElsewhere.includes(c)), []);
    });

    it('reports every placeholder of CORPUS-README at its line, with its text and count, and no other', () => {
      assert.deepEqual(sortedValues(textsByLine(analysis, 'placeholder')), sortedValues(expectedPlaceholders(seed)));
      for (const d of diagnosticsOf(analysis, 'placeholder')) {
        assert.equal(d.severity, 'warning');
        assert.ok(d.message.includes(textOf(text, d)), d.message);
      }
      assert.equal(analysis.placeholders.length, diagnosticsOf(analysis, 'placeholder').length);
    });

    it('reports the vague quantities of CORPUS-README where they stand', () => {
      const vague = diagnosticsOf(analysis, 'vague-quantity');
      for (const [line, phrase, count, reported = phrase] of seed.vague) {
        const shifted = line + seed.shift;
        const occurrences = offsetsOf(lineText(text, shifted), phrase).map((o) => lineStart(text, shifted) + o);
        assert.equal(occurrences.length, count, `L${shifted} should hold ${phrase} ${count}×`);
        for (const offset of occurrences) {
          const found = vague.find((d) => d.start === offset);
          assert.ok(found, `no vague quantity reported for ${phrase} on L${shifted}`);
          assert.equal(textOf(text, found), reported, `L${shifted}: what is reported for ${phrase}`);
          assert.equal(found.severity, 'information');
        }
      }
    });
  });
}


describe('corpus: the fixture files themselves', () => {
  it('have the line counts CORPUS-README gives (165, 200, 221 and 221 + 12)', () => {
    const lines = (file: string) => readFixture(file).split('\n').length - 1; // every file ends with a line break
    assert.deepEqual(seeds.map((s) => lines(s.file)), [165, 200, 221, 233]);
  });

  it('give the variant the body of seed 3, byte for byte, 12 lines down', () => {
    const seed3 = readFixture('corpus/seed-3-process-optimization.md');
    const variant = readFixture('corpus/seed-3-with-frontmatter.md');
    assert.equal(variant.split('\n').slice(12).join('\n'), seed3);
  });
});
