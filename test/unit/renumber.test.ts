/**
 * Renumbering every heading (the quick fixes “Renumber all chapters” and “Renumber the sections of this
 * chapter”): chapters in sequence in their dominant style, sections per parent, decimal sections carrying
 * their chapter's new number, headings in another style left alone.
 */
import * as assert from 'node:assert/strict';
import { renumberAll } from '../../server/src/core/languageFeatures/edits.js';
import { applyOffsetEdits } from '../util/applyEdits.js';
import { analyzeText } from './util.js';

const text = [
  '# 项目总结报告',
  '',
  '## 第一章 项目背景与目标',
  '',
  '## 第三章 实施过程',
  '',
  '### 3.1 需求调研',
  '',
  '### 3.3 开发与测试',
  '',
  '## 第五章 项目成果',
  '',
  '### 5.2 系统功能',
  '',
  '## 附录 A 术语',
  '',
].join('\n');

const headings = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('#'));

describe('renumbering every heading', () => {
  it('numbers the chapters 一、二、三 and their decimal sections after their chapter, leaving other styles alone', () => {
    const model = analyzeText(text).model;
    assert.deepEqual(headings(applyOffsetEdits(text, renumberAll(model))), [
      '# 项目总结报告',
      '## 第一章 项目背景与目标',
      '## 第二章 实施过程',
      '### 2.1 需求调研',
      '### 2.2 开发与测试',
      '## 第三章 项目成果',
      '### 3.1 系统功能',
      '## 附录 A 术语',
    ]);
  });

  it('renumbers only the sections of the chapter it is given, under the chapter number as written', () => {
    const model = analyzeText(text).model;
    const chapter = model.chapters.find((c) => c.heading.text.includes('实施过程'))!;
    assert.deepEqual(headings(applyOffsetEdits(text, renumberAll(model, chapter))).slice(2, 5), ['## 第三章 实施过程', '### 3.1 需求调研', '### 3.2 开发与测试']);
  });

  it('changes nothing in a report numbered in sequence', () => {
    const done = applyOffsetEdits(text, renumberAll(analyzeText(text).model));
    assert.deepEqual(renumberAll(analyzeText(done).model), []);
  });
});
