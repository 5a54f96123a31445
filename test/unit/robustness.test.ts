/**
 * Inputs no report would hold: the engine must finish and keep every range inside the text. No timing
 * assertion here; the large cases only have to complete.
 */
import * as assert from 'node:assert/strict';
import { analyzeText, assertRangesWithin, codesOf, lineOf, readFixture, textOf } from './util.js';

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random UTF-16 code units, lone surrogates and control characters included. */
function noise(length: number, seed: number): string {
  const next = random(seed);
  let text = '';
  for (let i = 0; i < length; i++) {
    const r = next();
    text += String.fromCharCode(r < 0.3 ? Math.floor(next() * 32) : r < 0.5 ? 0xd800 + Math.floor(next() * 0x800) : Math.floor(next() * 0x10000));
  }
  return text;
}

describe('robustness', () => {
  it('analyzes binary bytes without failing', () => {
    for (const seed of [1, 2, 3]) {
      const text = `\u0000\u0001# 项目总结报告\u0000\n\n## 第一章 引言\u0000XX\n${noise(4000, seed)}\n\u0000XX月\n`;
      const analysis = analyzeText(text, undefined, { reportDetection: 'always' });
      assertRangesWithin(analysis);
    }
  });

  it('analyzes bytes read as Latin-1 from a binary file', () => {
    const bytes = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256));
    const analysis = analyzeText(bytes.toString('latin1'), undefined, { reportDetection: 'always' });
    assertRangesWithin(analysis);
  });

  it('analyzes an empty document: not a report, nothing to say', () => {
    const analysis = analyzeText('');
    assert.equal(analysis.isReport, false);
    assert.deepEqual(analysis.diagnostics, []);
    assert.deepEqual(analysis.chapters, []);
  });

  it('analyzes whitespace and line breaks only', () => {
    for (const text of ['\n', '\r\n\r\n', '   \t  ', '\u3000\n\u3000']) {
      assertRangesWithin(analyzeText(text, undefined, { reportDetection: 'always' }));
    }
  });

  it('analyzes a document that is only front matter', () => {
    const text = '---\ntitle: 项目总结报告\ntype: generic\n---\n';
    const analysis = analyzeText(text);
    assert.equal(analysis.isReport, true);
    assert.equal(analysis.chapters.length, 0);
    assert.deepEqual(codesOf(analysis), Array(7).fill('missing-chapter'));
    assertRangesWithin(analysis);
  });

  it('analyzes a document that is only an opening front matter fence', () => {
    assertRangesWithin(analyzeText('---\n', undefined, { reportDetection: 'always' }));
    assertRangesWithin(analyzeText('---', undefined, { reportDetection: 'always' }));
  });

  it('analyzes documents with unusual uris', () => {
    for (const uri of ['untitled:Untitled-1', 'file:///C%3A/work/%E6%80%BB%E7%BB%93.md', 'vscode-notebook-cell:/r/a.ipynb#W0sZmlsZQ%3D%3D', 'file:///r/a.md?query=1#frag', '']) {
      const analysis = analyzeText('# 项目总结报告\n\n正文XX。\n', uri);
      assert.equal(analysis.isReport, true, uri);
      assertRangesWithin(analysis);
    }
  });

  it('analyzes a document whose uri holds a bare % sign', () => {
    const analysis = analyzeText('# 项目总结报告\n\n正文XX。\n', 'file:///r/50%off.md');
    assert.equal(analysis.isReport, true);
  });

  it('analyzes 10 000 headings @props', () => {
    const lines = ['# 项目总结报告', ''];
    for (let i = 1; i <= 10_000; i++) lines.push(i % 10 === 1 ? `## 第${i}章 项目实施过程${i}` : `### ${Math.ceil(i / 10)}.${(i - 1) % 10} 小节 XX`);
    const text = lines.join('\n');
    const analysis = analyzeText(text);
    assert.equal(analysis.model.headings.length, 10_001);
    assert.equal(analysis.chapters.length, 1_000);
    assert.equal(analysis.diagnostics.filter((d) => d.code === 'placeholder').length, 9_000);
    assertRangesWithin(analysis);
  });

  it('analyzes deeply nested lists and block quotes', () => {
    const nested = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- 第${i}层 XX`).join('\n');
    const quotes = `${'>'.repeat(200)} 引用 XX`;
    const analysis = analyzeText(`# 项目总结报告\n\n## 项目背景与目标\n\n${nested}\n\n${quotes}\n`);
    assertRangesWithin(analysis);
    assert.ok(analysis.diagnostics.some((d) => d.code === 'placeholder'));
  });

  it('analyzes a 5 MB report made of seed 1 repeated, and places its placeholders right @props', function () {
    this.timeout(120_000); // a safety net for slow machines, not a timing assertion
    const seed = readFixture('corpus/seed-1-system-integration.md');
    const [title, ...rest] = seed.split('\n');
    const body = rest.join('\n');
    const copies = Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(body));
    const text = `${title}\n${Array<string>(copies).fill(body).join('\n')}`;
    assert.ok(Buffer.byteLength(text) >= 5 * 1024 * 1024);
    const analysis = analyzeText(text);
    assert.equal(analysis.isReport, true);
    assert.equal(analysis.chapters.length, copies * 9);
    assertRangesWithin(analysis);
    const placeholders = analysis.diagnostics.filter((d) => d.code === 'placeholder');
    assert.equal(placeholders.length, copies * 12, 'seed 1 has 12 placeholders');
    // The last copy starts 165 lines per copy later (each copy is 164 lines plus the joining break).
    const last = placeholders[placeholders.length - 1]!;
    assert.equal(textOf(text, last), 'XXGB');
    assert.equal(lineOf(text, last.start), 60 + (copies - 1) * 165);
  });
});
