import * as assert from 'node:assert/strict';
import type { ReportAnalysis, ReportDiagnostic } from '../../server/src/core/index.js';
import { analyzeText, chapters, diagnosticsOf, report, textOf } from './util.js';

interface Found {
  readonly code: string;
  readonly text: string;
  readonly replacement: string | undefined;
}

/** The numbering and duplicate-number diagnostics: what they cover and the replacement they offer. */
function numberingProblems(analysis: ReportAnalysis): Found[] {
  const isNumberProblem = (d: ReportDiagnostic) => d.code === 'numbering' || (d.code === 'duplicate-chapter' && d.data?.kind === 'numbering');
  return analysis.diagnostics.filter(isNumberProblem).map((d) => ({
    code: d.code,
    text: textOf(analysis.model.text, d),
    replacement: d.data?.kind === 'numbering' ? d.data.replacement : undefined,
  }));
}

const numbered = (...headings: string[]) => analyzeText(report(chapters(...headings)));

describe('numbering check', () => {
  it('reports 第一章, 第三章 as a gap to be renumbered 第二章', () => {
    const analysis = numbered('第一章 项目背景与目标', '第三章 项目实施过程');
    assert.deepEqual(numberingProblems(analysis), [{ code: 'numbering', text: '第三章', replacement: '第二章' }]);
    const [d] = diagnosticsOf(analysis, 'numbering');
    assert.equal(d!.severity, 'warning');
    assert.ok(d!.message.includes('第三章') && d!.message.includes('第二章'), d!.message);
  });

  it('reports numbering that starts at 第二章', () => {
    assert.deepEqual(numberingProblems(numbered('第二章 项目背景与目标', '第三章 项目实施过程')), [
      { code: 'numbering', text: '第二章', replacement: '第一章' },
    ]);
  });

  it('reports 第二章 used twice as a duplicate chapter, to be renumbered 第三章', () => {
    const analysis = numbered('第一章 项目背景与目标', '第二章 项目实施过程', '第二章 项目成果与效益');
    assert.deepEqual(numberingProblems(analysis), [{ code: 'duplicate-chapter', text: '第二章', replacement: '第三章' }]);
  });

  it('reports 3.1 under 第二章, to be renumbered 2.1', () => {
    const text = report('## 第一章 项目背景与目标\n\n背景。\n\n## 第二章 项目实施过程\n\n### 3.1 需求分析\n\n分析。\n\n### 2.2 系统设计\n\n设计。\n');
    assert.deepEqual(numberingProblems(analyzeText(text)), [{ code: 'numbering', text: '3.1', replacement: '2.1' }]);
  });

  it('reports 2.1, 2.3 as a gap to be renumbered 2.2', () => {
    const text = report('## 第一章 项目背景与目标\n\n背景。\n\n## 第二章 项目实施过程\n\n### 2.1 需求分析\n\n分析。\n\n### 2.3 系统设计\n\n设计。\n');
    assert.deepEqual(numberingProblems(analyzeText(text)), [{ code: 'numbering', text: '2.3', replacement: '2.2' }]);
  });

  it('reports 1.1 used twice in a chapter as a repeat, not a duplicate chapter', () => {
    const text = report('## 第一章 项目背景与目标\n\n### 1.1 背景\n\n背景。\n\n### 1.1 目标\n\n目标。\n');
    assert.deepEqual(numberingProblems(analyzeText(text)), [{ code: 'numbering', text: '1.1', replacement: '1.2' }]);
  });

  it('reports the heading whose style differs from its siblings (第一章, 二、, 第三章)', () => {
    const analysis = numbered('第一章 项目背景与目标', '二、项目实施过程', '第三章 项目成果与效益');
    const mixed = numberingProblems(analysis).filter((p) => p.text === '二、');
    assert.equal(mixed.length, 1);
    assert.equal(mixed[0]!.code, 'numbering');
    const [d] = diagnosticsOf(analysis, 'numbering').filter((x) => textOf(analysis.model.text, x) === '二、');
    assert.ok(d!.message.includes('二、') && d!.message.includes('第一章'), d!.message);
  });

  it('does not report 第三章 after 第一章, 二、 as a gap', () => {
    const analysis = numbered('第一章 项目背景与目标', '二、项目实施过程', '第三章 项目成果与效益');
    assert.deepEqual(numberingProblems(analysis).map((p) => p.text), ['二、']);
  });

  it('keeps Arabic digits and Roman numerals in the replacement', () => {
    assert.deepEqual(numberingProblems(numbered('第1章 项目背景与目标', '第3章 项目实施过程')), [
      { code: 'numbering', text: '第3章', replacement: '第2章' },
    ]);
    assert.deepEqual(numberingProblems(numbered('Chapter I Background', 'Chapter III Implementation')), [
      { code: 'numbering', text: 'Chapter III', replacement: 'Chapter II' },
    ]);
  });

  it('offers a replacement that keeps the title when the number is in bold', () => {
    const text = report(chapters('第一章 项目背景与目标', '**第三章** 项目实施过程'));
    const [d] = diagnosticsOf(analyzeText(text), 'numbering');
    assert.ok(d && d.data?.kind === 'numbering');
    assert.equal(textOf(text, d), '第三章');
    const fixed = text.slice(0, d.start) + d.data.replacement + text.slice(d.end);
    assert.ok(fixed.includes('## **第二章** 项目实施过程'), fixed);
  });

  it('gives nothing for unnumbered chapters and sections', () => {
    const text = report(chapters(...['项目背景与目标', '项目实施过程', '项目成果与效益']) + '### 小节一\n\n内容。\n\n### 小节二\n\n内容。\n');
    assert.deepEqual(numberingProblems(analyzeText(text)), []);
  });

  it('gives nothing for correctly numbered chapters and sections', () => {
    const text = report('## 第一章 项目背景与目标\n\n### 1.1 背景\n\n内容。\n\n### 1.2 目标\n\n内容。\n\n## 第二章 项目实施过程\n\n### 2.1 步骤\n\n内容。\n');
    assert.deepEqual(numberingProblems(analyzeText(text)), []);
  });
});
