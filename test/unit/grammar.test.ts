import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, type IGrammar, type IRawGrammar } from 'vscode-textmate';

const root = process.cwd();
const grammarPath = path.join(root, 'syntaxes', 'report-writer.injection.tmLanguage.json');
const require = createRequire(path.join(root, 'package.json'));

/**
 * A stand-in for VS Code's Markdown grammar with the scopes our injection selector excludes: fenced code,
 * inline code and HTML comments. VS Code's own grammar is not a package we can install here.
 */
const markdownStandIn = {
  scopeName: 'text.html.markdown',
  patterns: [
    { begin: '^```', end: '^```', name: 'markup.fenced_code.block.markdown' },
    { match: '`[^`]*`', name: 'markup.inline.raw.string.markdown' },
    { begin: '<!--', end: '-->', name: 'comment.block.html' },
  ],
};

async function loadGrammar(): Promise<IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => {
      if (scope === 'text.html.markdown') return markdownStandIn as unknown as IRawGrammar;
      if (scope === 'text.report-writer.injection') return JSON.parse(fs.readFileSync(grammarPath, 'utf8')) as IRawGrammar;
      return null;
    },
    getInjections: (scope) => (scope === 'text.html.markdown' ? ['text.report-writer.injection'] : undefined),
  });
  return (await registry.loadGrammar('text.html.markdown'))!;
}

/** The text of each token whose scopes include `scope`, line by line. */
function tokensWith(grammar: IGrammar, lines: string[], scope: string): string[] {
  let state = INITIAL;
  const found: string[] = [];
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      if (token.scopes.some((s) => s.startsWith(scope))) found.push(line.slice(token.startIndex, token.endIndex));
    }
    state = result.ruleStack;
  }
  return found;
}

describe('TextMate injection grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  it('is generated from the engine\'s placeholder and vague-quantity patterns (run `npm run grammar` after editing them)', () => {
    const generated = require(path.join(root, 'syntaxes', 'generate.cjs')) as { text: string };
    assert.equal(fs.readFileSync(grammarPath, 'utf8'), generated.text);
  });

  it('scopes placeholders: XX%, XX万元, XX月, 【待补充】, TBD, 某款', () => {
    const lines = ['渗透率达到XX%，销售额XX万元。', '启动阶段 (XX月至XX月)', '负责人【待补充】，日期 TBD。', '聚焦公司某款创新型产品', '承包单位：某建设集团有限公司，监理：某一部门'];
    assert.deepEqual(tokensWith(grammar, lines, 'invalid.illegal.placeholder'), ['XX%', 'XX万元', 'XX月', 'XX月', '【待补充】', 'TBD', '某款', '某建设集团有限公司']);
  });

  it('colours XX of XX项目 and XX年度, as the diagnostics name it, not XX项 or XX年', () => {
    const lines = ['# XX项目总结报告', 'XX年度计划完成XX项测试，参与数十项目。'];
    assert.deepEqual(tokensWith(grammar, lines, 'invalid.illegal.placeholder'), ['XX', 'XX', 'XX项']);
    assert.deepEqual(tokensWith(grammar, lines, 'markup.changed.vague-quantity'), ['数十']);
  });

  it('scopes vague quantities but not 约60% or 数据', () => {
    const lines = ['识别出数十项潜在风险，节约数万元。', '效率提升约60%，数据准确率提升。'];
    assert.deepEqual(tokensWith(grammar, lines, 'markup.changed.vague-quantity'), ['数十项', '数万元']);
  });

  it('leaves inline code, fenced code and HTML comments alone', () => {
    const lines = ['见 `XX%` 与 <!-- TODO XX月 -->', '```', 'value: XX万元 TBD', '```', '但 XX% 仍要标出'];
    assert.deepEqual(tokensWith(grammar, lines, 'invalid.illegal.placeholder'), ['XX%']);
  });
});
