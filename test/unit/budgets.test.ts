/**
 * The adversarial suite of issue 15: inputs built to hang, exhaust or crash the engine. Each case is
 * bounded by what it proves, never by the clock: a count of findings, a work counter, or the ratio of the
 * work for an input twice as large (at most ~2.2× for linear work).
 */
import * as assert from 'node:assert/strict';
import { capFindings, compareDiagnostics, createBuiltinRegistry, limits, type ReportDiagnostic } from '../../server/src/core/index.js';
import { readFrontMatter } from '../../server/src/core/parse/frontMatter.js';
import { markdownEvents } from '../../server/src/core/parse/markdown.js';
import { analyzeText } from './util.js';

/** `count` placeholder warnings, one every four characters, as `'XX% ' × count` would give. */
function placeholders(count: number): ReportDiagnostic[] {
  return Array.from({ length: count }, (_, i): ReportDiagnostic => ({ code: 'placeholder', severity: 'warning', start: 4 * i, end: 4 * i + 3, message: 'XX%' }));
}

describe('budgets: findings', () => {
  it('keeps the first findings of a code past its cap, and one note at the first left out saying how many', () => {
    const all = [...placeholders(140_000), { code: 'missing-chapter', severity: 'warning', start: 5, end: 6, message: 'm' } as ReportDiagnostic].sort(compareDiagnostics);
    const kept = capFindings(all, limits.findingsPerCheck, 'en');
    assert.equal(kept.filter((d) => d.code === 'placeholder').length, limits.findingsPerCheck);
    assert.equal(kept.filter((d) => d.code === 'missing-chapter').length, 1, 'other codes keep theirs');
    const notes = kept.filter((d) => d.code === 'analysis-limit');
    assert.equal(notes.length, 1);
    assert.equal(notes[0]!.start, 4 * limits.findingsPerCheck);
    assert.match(notes[0]!.message, /^140000 placeholder problems .*first 10000 .*other 130000/);
    assert.deepEqual([...kept].sort(compareDiagnostics), kept);
  });

  it('analyzes a report with more findings of one code than the cap: the first are kept, one note, the other checks too', () => {
    const text = `# 项目总结报告\n\n## 一、项目背景与目标\n\n目标：提升效率。\n\n## 七、结语\n\n${'数十项，'.repeat(limits.findingsPerCheck + 500)}\n`;
    const { diagnostics } = analyzeText(text);
    assert.equal(diagnostics.filter((d) => d.code === 'vague-quantity').length, limits.findingsPerCheck);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'analysis-limit').map((d) => d.message), ['10500 vague-quantity problems in this document: the first 10000 are listed, the other 500 from here on are not.']);
    assert.ok(diagnostics.some((d) => d.code === 'missing-chapter'));
  });

  it('leaves a list within the cap as it is', () => {
    const all = placeholders(100);
    assert.equal(capFindings(all, 100, 'en'), all);
  });

});

/**
 * How much more CPU time `run(factor × n)` takes than `run(n)`: the least of five runs each, after a
 * warm-up, so that a busy machine makes neither look slower. Linear work gives about `factor`, quadratic
 * work `factor²`.
 */
function growth(run: (n: number) => void, n: number, factor = 4): number {
  const cost = (size: number) => {
    let least = Infinity;
    for (let i = 0; i < 5; i++) {
      const start = process.cpuUsage();
      run(size);
      const used = process.cpuUsage(start);
      least = Math.min(least, used.user + used.system);
    }
    return least;
  };
  run(n);
  return cost(factor * n) / cost(n);
}

/** At most ~2.2× the work per doubling of the input: 4.84× for four times the input, with room for noise. */
const linearGrowth = 6;

describe('budgets: front matter', () => {
  it('reports an alias bomb as a frontmatter error and still checks the rest of the report', () => {
    const names = 'abcdefghij';
    let bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
    for (let i = 1; i < names.length; i++) bomb += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]\n`;
    const analysis = analyzeText(`---\n${bomb}---\n\n# 项目总结报告\n\n## 一、项目背景与目标\n\n目标：XX%。\n`);
    const frontmatter = analysis.diagnostics.filter((d) => d.code === 'frontmatter');
    assert.equal(frontmatter.length, 1);
    assert.match(frontmatter[0]!.message, /alias/i);
    assert.ok(analysis.diagnostics.some((d) => d.code === 'placeholder'), 'the other checks still run');
  });

  it('does not read front matter past its limit: one frontmatter error, and the report is checked without it', () => {
    const keys = Array.from({ length: 12_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const analysis = analyzeText(`---\nschema: no-such-schema\n${keys}\n---\n\n# 项目总结报告\n\n## 一、项目背景与目标\n\n目标：XX%。\n`);
    assert.deepEqual(analysis.diagnostics.filter((d) => d.code === 'frontmatter').map((d) => d.message), [`Front matter of more than ${limits.frontMatterCharacters} characters is not read.`]);
    assert.equal(analysis.diagnostics.filter((d) => d.code === 'unknown-schema').length, 0);
    assert.ok(analysis.diagnostics.some((d) => d.code === 'placeholder'));
  });

  it('finds a key used twice among many in linear time', () => {
    const yaml = (n: number) => `${Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n')}\nk7: again\n`;
    const read = (n: number) => {
      const text = `---\n${yaml(n)}---\n`;
      return readFrontMatter(text, 0, text.length, yaml(n));
    };
    assert.deepEqual(read(1000).problems.map((p) => p.detail), ['Map keys must be unique']);
    assert.ok(growth(read, 2000) < linearGrowth);
  });
});

describe('budgets: schemas', () => {
  const report = (schema: string) => `---\nschema: ${schema}\n---\n\n# 项目总结报告\n\n## 一、项目背景与目标\n\n目标：XX。\n`;

  it('leaves out a 400 000-character alias with a problem on the schema file, and checks reports against the rest', () => {
    const registry = createBuiltinRegistry();
    registry.set('/w/.report-schemas/alias.yaml', `id: alias\nslots:\n  - id: a\n    title: 背景\n    aliases: ["${'x'.repeat(400_000)}", 目标]\n`);
    assert.deepEqual(registry.problems().map((p) => p.key), ['schema.termTooLong']);
    const analysis = analyzeText(report('alias'), undefined, {}, registry);
    assert.equal(analysis.schema.id, 'alias');
    assert.deepEqual(analysis.chapters.map((c) => c.slots), [['a']]);
  });

  it('refuses a schema of 10 000 slots, or of too many heading terms, with a problem, and checks reports against the built-in ones', () => {
    const registry = createBuiltinRegistry();
    const slots = (n: number, aliases: number) => Array.from({ length: n }, (_, i) => `  - id: s${i}\n    title: 章节${i}\n    aliases: [${Array.from({ length: aliases }, (_, j) => `别名${i}x${j}`).join(', ')}]\n`).join('');
    registry.set('/w/.report-schemas/slots.yaml', `id: slots\nslots:\n${slots(10_000, 1)}`);
    registry.set('/w/.report-schemas/terms.yaml', `id: terms\nslots:\n${slots(10, limits.schemaTerms / 10)}`);
    assert.deepEqual(registry.problems().map((p) => p.key), ['schema.tooManySlots', 'schema.tooManyTerms']);
    const analysis = analyzeText(report('slots'), undefined, {}, registry);
    assert.deepEqual(analysis.diagnostics.filter((d) => d.code === 'unknown-schema').length, 1);
  });
});

describe('budgets: a check that fails', () => {
  it('skips the stage that throws with a note naming it, and keeps the diagnostics of the others', () => {
    const throwing = { id: 'extra-1', regex: { lastIndex: 0, exec: (): null => { throw new Error('simulated failure'); } } };
    const analysis = analyzeText('# 项目总结报告\n\n## 一、项目背景与目标\n\n目标：提升效率。\n', undefined, { extraPlaceholderPatterns: [throwing], vagueQuantitySeverity: 'off' });
    const notes = analysis.diagnostics.filter((d) => d.code === 'analysis-limit');
    assert.deepEqual(notes.map((d) => d.message), ['The placeholder check failed on this document and was skipped (simulated failure); the other checks ran. Please report it.']);
    assert.ok(analysis.diagnostics.some((d) => d.code === 'missing-chapter'));
  });
});

describe('budgets: the parser', () => {
  const head = '# 项目总结报告\n\n## 一、项目背景与目标\n\n目标：提升效率。\n\n';
  const notes = (text: string) => analyzeText(text).diagnostics.filter((d) => d.code === 'analysis-limit').map((d) => d.message);

  it('reads lists nested 10 000 deep on one line to 32 levels, in linear time, and says so once', () => {
    assert.deepEqual(notes(`${head}${'- '.repeat(10_000)}a\n`), [`Lists and block quotes nested deeper than ${limits.nestingDepth} levels: from here on, 1 line is read without their deeper levels.`]);
    assert.ok(growth((n) => analyzeText(`${head}${'- '.repeat(n)}a\n`), 1000) < linearGrowth);
  });

  it('gives the parser block quotes at most 32 deep, whatever the depth written: its events per line stay bounded', () => {
    const quotes = (depth: number) => Array.from({ length: 100 }, () => `${'>'.repeat(depth)} a`).join('\n');
    assert.match(notes(`${head}${quotes(200)}\n`)[0]!, /from here on, 100 lines are read without/);
    const perLine = (depth: number) => markdownEvents(quotes(depth)).length / 100;
    assert.equal(perLine(4000), perLine(limits.nestingDepth + 8));
    assert.ok(perLine(4000) < 5 * limits.nestingDepth);
  });

  it('gives the parser lists nested by indentation at most 32 deep: its events grow with the lines, not their square', () => {
    const lists = (n: number) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- a`).join('\n');
    assert.match(notes(`${head}${lists(100)}\n`)[0]!, /from here on, 68 lines are read without/);
    assert.ok(markdownEvents(lists(600)).length < 2.2 * markdownEvents(lists(300)).length);
  });

  it('checks the first 2 000 rows of a longer table, and notes the rows left out, with the other checks kept', () => {
    const table = `${head}| 指标 | 结果 |\n| --- | --- |\n${'| 1 | XX |\n'.repeat(limits.tableRows + 500)}`;
    const analysis = analyzeText(table);
    assert.equal(analysis.model.tables[0]!.rows.length, limits.tableRows);
    assert.deepEqual(analysis.diagnostics.filter((d) => d.code === 'analysis-limit').map((d) => d.message), ['A table longer than 2000 rows: from here on, 500 more rows are not checked.']);
    assert.equal(analysis.diagnostics.filter((d) => d.code === 'placeholder').length, limits.tableRows);
  });
});
