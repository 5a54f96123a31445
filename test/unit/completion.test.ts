import * as assert from 'node:assert/strict';
import { provideCompletions, type CompletionProposal } from '../../server/src/core/index.js';
import { applyOffsetEdits } from '../util/applyEdits.js';
import { analyzeText, chapters, diagnosticsOf, readFixture, report } from './util.js';

const uri = 'file:///r/系统集成项目总结报告.md';
const seed1 = readFixture('workspace/系统集成项目总结报告.md');

/** Seed 1 with the chapter whose heading starts with `heading` deleted (up to the next chapter). */
function without(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}`) + 1;
  const end = text.indexOf('\n## ', start) + 1;
  return text.slice(0, start) + text.slice(end);
}

/** `text` with an empty line `## ` typed before the chapter heading `before`; the cursor after `## `. */
function typedBefore(text: string, before: string, typed = '## '): { text: string; offset: number } {
  const at = text.indexOf(`\n${before}`) + 1;
  return { text: `${text.slice(0, at)}${typed}\n\n${text.slice(at)}`, offset: at + typed.length };
}

function chapterProposals(text: string, offset: number): CompletionProposal[] {
  return provideCompletions(analyzeText(text, uri), offset, 'en')
    .filter((p) => p.kind === 'chapter')
    .sort((a, b) => a.sortText.localeCompare(b.sortText));
}

/** The text after accepting a proposal: its insertText in place of what it replaces, and its additional edits. */
function accept(text: string, proposal: CompletionProposal): string {
  return applyOffsetEdits(text, [{ ...proposal.replace, newText: proposal.insertText }, ...proposal.additionalEdits]);
}

const headings = (text: string, prefix: string) => text.split('\n').filter((l) => l.startsWith(prefix));

/** The chapter numbers of a report as written, in document order. */
const chapterNumbers = (text: string) => analyzeText(text, uri).model.chapters.map((c) => c.heading.numbering?.raw);

describe('chapter completion', () => {
  it('offers only the chapters seed 1 lacks, 经验教训 first, numbered 第六章 at a heading typed before 第六章', () => {
    const { text, offset } = typedBefore(without(seed1, '## 第七章'), '## 第六章');
    assert.deepEqual(chapterProposals(text, offset).map((p) => p.label), ['第六章 经验教训', '第六章 项目资源与投入', '第六章 成功要素分析']);
  });

  it('renumbers 第六章 to 第七章 with its sections when 第六章 经验教训 is accepted before it, and leaves 第八章 alone', () => {
    const { text, offset } = typedBefore(without(seed1, '## 第七章'), '## 第六章');
    const accepted = accept(text, chapterProposals(text, offset)[0]!);
    assert.deepEqual(headings(accepted, '## '), [
      '## 第一章 引言', '## 第二章 项目概述', '## 第三章 项目实施情况', '## 第四章 项目成果与效益', '## 第五章 项目管理与控制',
      '## 第六章 经验教训', '## 第七章 存在问题与挑战', '## 第八章 未来展望与建议', '## 第九章 结语',
    ]);
    assert.deepEqual(headings(accepted, '### 7.'), ['### 7.1 技术难题', '### 7.2 沟通协调障碍', '### 7.3 资源瓶颈']);
    assert.deepEqual(diagnosticsOf(analyzeText(accepted, uri), 'numbering'), []);
  });

  it('renumbers each later chapter that would clash: 第三章 to 第六章 become 第四章 to 第七章, 第八章 stays', () => {
    const { text, offset } = typedBefore(without(seed1, '## 第七章'), '## 第三章');
    const proposal = chapterProposals(text, offset)[0]!;
    assert.equal(proposal.label, '第三章 经验教训');
    const accepted = accept(text, proposal);
    assert.deepEqual(chapterNumbers(accepted), ['第一章', '第二章', '第三章', '第四章', '第五章', '第六章', '第七章', '第八章', '第九章']);
    assert.deepEqual(headings(accepted, '### 4.'), ['### 4.1 需求分析与确认', '### 4.2 系统设计与架构', '### 4.3 开发与集成实施', '### 4.4 测试与部署']);
    assert.deepEqual(headings(accepted, '### 8.'), ['### 8.1 系统持续优化与升级', '### 8.2 知识沉淀与推广', '### 8.3 建立长效运维机制']);
  });

  it('offers 第七章 经验教训 between 第六章 and 第八章 with nothing to renumber', () => {
    const { text, offset } = typedBefore(without(seed1, '## 第七章'), '## 第八章');
    const proposal = chapterProposals(text, offset)[0]!;
    assert.equal(proposal.label, '第七章 经验教训');
    assert.deepEqual(proposal.additionalEdits, []);
  });

  it('still offers 经验教训 when the heading being typed already reads 经验教训', () => {
    const { text, offset } = typedBefore(without(seed1, '## 第七章'), '## 第八章', '## 经验教训');
    assert.equal(chapterProposals(text, offset)[0]?.label, '第七章 经验教训');
  });

  it('offers no chapter at all when every chapter of the schema is in the report, but still the sections', () => {
    const complete = report(chapters(
      '第一章 项目背景与目标', '第二章 项目概述', '第三章 项目实施过程', '第四章 项目成果与效益', '第五章 项目管理与控制', '第六章 项目资源与投入',
      '第七章 存在问题与挑战', '第八章 成功要素分析', '第九章 经验教训', '第十章 未来展望与建议', '第十一章 结语',
    ));
    const { text, offset } = typedBefore(complete, '## 第十一章');
    assert.deepEqual(provideCompletions(analyzeText(text), offset, 'en'), []);
    const section = typedBefore(complete, '## 第十一章', '### ');
    assert.ok(provideCompletions(analyzeText(section.text), section.offset, 'en').some((p) => p.kind === 'section'));
  });

  it('numbers in the document\'s style: 三、 before 三、, which becomes 四、', () => {
    const { text, offset } = typedBefore(report(chapters('一、项目背景与目标', '二、项目实施过程', '三、项目成果与效益', '四、存在问题与挑战', '五、未来展望与建议', '六、结语')), '## 三、');
    const proposal = chapterProposals(text, offset).find((p) => p.label.endsWith('经验教训'))!;
    assert.ok(proposal.label.startsWith('三、'), proposal.label);
    const accepted = accept(text, proposal);
    assert.deepEqual(chapterNumbers(accepted), ['一、', '二、', '三、', '四、', '五、', '六、', '七、']);
    assert.ok(headings(accepted, '## 四、')[0]!.endsWith('项目成果与效益'));
  });

  it('writes no number and renumbers nothing when the chapters are not numbered', () => {
    const { text, offset } = typedBefore(report(chapters('项目背景与目标', '项目实施过程', '项目成果与效益', '存在问题与挑战', '未来展望与建议', '结语')), '## 未来展望');
    const proposals = chapterProposals(text, offset);
    assert.equal(proposals[0]!.label, '经验教训');
    assert.ok(proposals.every((p) => p.additionalEdits.length === 0));
  });
});
