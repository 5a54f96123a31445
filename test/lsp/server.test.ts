import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  CodeAction,
  CompletionItem,
  DocumentSymbol,
  FoldingRange,
  Hover,
  PublishDiagnosticsParams,
  TextEdit,
} from 'vscode-languageserver-protocol';
import type { GoalCheckResult } from '../../server/src/protocol.js';
import { applyEdits } from '../util/applyEdits.js';
import { fixtureUri, pullDiagnostics, startServer, type TestServer } from './client.js';

const seed1 = fs.readFileSync(path.join(process.cwd(), 'test/fixtures/corpus/seed-1-system-integration.md'), 'utf8');
const seed2 = fs.readFileSync(path.join(process.cwd(), 'test/fixtures/corpus/seed-2-market-expansion.md'), 'utf8');
const seed1Uri = fixtureUri('corpus/seed-1-system-integration.md');
const seed2Uri = fixtureUri('corpus/seed-2-market-expansion.md');

/** Seed 1 without its 第七章 经验教训 (lines 115–140). */
const withoutChapter7 = seed1.split('\n').filter((_, i) => i < 114 || i >= 140).join('\n');

describe('language server over stdio', function () {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.close();
  });

  it('announces pull diagnostics, symbols, folding, completion, code actions and hover with incremental sync', () => {
    const caps = server.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.ok(caps.diagnosticProvider);
    assert.ok(caps.documentSymbolProvider);
    assert.ok(caps.foldingRangeProvider);
    assert.ok(caps.completionProvider);
    assert.ok(caps.codeActionProvider);
    assert.ok(caps.hoverProvider);
  });

  it('reports the XX月 placeholders of seed 1 at line 31 with source, code and documentation link', async () => {
    await server.open(seed1Uri, seed1);
    const diagnostics = await pullDiagnostics(server, seed1Uri);
    const line31 = diagnostics.filter((d) => d.code === 'placeholder' && d.range.start.line === 30);
    assert.equal(line31.length, 2);
    for (const d of line31) {
      assert.equal(d.source, 'report-writer');
      assert.equal(d.severity, 2);
      assert.equal(seed1.split('\n')[30]!.slice(d.range.start.character, d.range.end.character), 'XX月');
      assert.match(d.codeDescription!.href, /diagnostics\.md#placeholder$/);
    }
    assert.equal(diagnostics.filter((d) => d.code === 'missing-chapter').length, 0);
  });

  it('reports a missing 经验教训 after 第六章 once 第七章 is deleted, and its quick fix puts it back between 第六章 and 第八章', async () => {
    const start = seed1.split('\n').slice(0, 114).join('\n').length + 1;
    const lines = seed1.split('\n');
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: seed1Uri, version: 2 },
      contentChanges: [{ range: { start: { line: 114, character: 0 }, end: { line: 140, character: 0 } }, text: '' }],
    });
    assert.ok(start > 0 && lines[114]!.startsWith('## 第七章'));
    const diagnostics = await pullDiagnostics(server, seed1Uri);
    const missing = diagnostics.filter((d) => d.code === 'missing-chapter');
    assert.equal(missing.length, 1);
    assert.match(missing[0]!.message, /Missing required chapter “经验教训”.*第六章 存在问题与挑战/);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: seed1Uri },
      range: missing[0]!.range,
      context: { diagnostics: missing },
    })) as CodeAction[];
    const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
    assert.ok(fix, JSON.stringify(actions));
    const edits = fix.edit!.changes![seed1Uri]!;
    const fixed = applyEdits(withoutChapter7, edits);
    const order = ['## 第六章 存在问题与挑战', '## 第七章 经验教训', '## 第八章 未来展望与建议'].map((h) => fixed.indexOf(h));
    assert.ok(order.every((i) => i >= 0) && order[0]! < order[1]! && order[1]! < order[2]!, fixed.slice(order[0]!, order[2]! + 20));
    assert.equal(fixed.split('\n').filter((l) => l.startsWith('## 第八章')).length, 1, 'later chapters keep their numbers');
  });

  it('offers 第七章 经验教训 first when a chapter heading is typed where it is missing', async () => {
    const at = withoutChapter7.indexOf('## 第八章');
    const line = withoutChapter7.slice(0, at).split('\n').length - 1;
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: seed1Uri, version: 3 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '## \n\n' }],
    });
    const items = (await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: seed1Uri },
      position: { line, character: 3 },
    })) as CompletionItem[];
    const first = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0]!;
    assert.equal(first.label, '第七章 经验教训');
  });

  it('completes 第六章 经验教训 before 第六章 with additionalTextEdits that renumber the old 第六章 and its sections to 第七章', async () => {
    const uri = fixtureUri('corpus/seed-1-before-chapter-6.md');
    const at = withoutChapter7.indexOf('## 第六章');
    const text = `${withoutChapter7.slice(0, at)}## \n\n${withoutChapter7.slice(at)}`;
    const line = withoutChapter7.slice(0, at).split('\n').length - 1;
    await server.open(uri, text);
    const items = (await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: 3 },
    })) as CompletionItem[];
    const first = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0]!;
    assert.equal(first.label, '第六章 经验教训');
    assert.ok(first.additionalTextEdits?.length, JSON.stringify(first));
    const accepted = applyEdits(text, [first.textEdit as TextEdit, ...first.additionalTextEdits]);
    const chapters = accepted.split('\n').filter((l) => l.startsWith('## 第'));
    assert.deepEqual(chapters.slice(5, 7), ['## 第六章 经验教训', '## 第七章 存在问题与挑战']);
    assert.equal(new Set(chapters.map((h) => h.split(' ')[1])).size, chapters.length, chapters.join('\n'));
    assert.ok(accepted.includes('\n### 7.1 技术难题\n'));
  });

  it('outlines the nine chapters of seed 2 with their sections, goals and numbering', async () => {
    await server.open(seed2Uri, seed2);
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: seed2Uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), [
      '第一章 项目启动与目标', '第二章 市场调研与策略制定', '第三章 项目实施过程', '第四章 核心成果与市场反馈', '第五章 项目挑战与应对',
      '第六章 成功要素分析', '第七章 经验总结与启示', '第八章 后续发展建议', '第九章 总结',
    ]);
    assert.deepEqual(symbols[1]!.children!.map((s) => s.name), ['2.1 目标区域市场分析', '2.2 市场定位与品牌策略', '2.3 销售渠道规划']);
    assert.deepEqual(symbols[0]!.children!.map((s) => s.name), ['市场渗透', '品牌认知', '销售增长', '渠道建立']);
    assert.equal(symbols[0]!.selectionRange.start.line, 2);
  });

  it('folds every chapter and section of seed 2', async () => {
    const ranges = (await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: seed2Uri } })) as FoldingRange[];
    assert.equal(ranges.length, 9 + 25);
    assert.deepEqual(ranges[0], { startLine: 2, endLine: 13, kind: 'region' });
  });

  it('completes a KPI table prefilled with the four goals on an empty line of the results chapter', async () => {
    const line = seed2.split('\n').indexOf('### 4.1 市场份额与销售业绩') + 1;
    const items = (await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: seed2Uri },
      position: { line, character: 0 },
    })) as CompletionItem[];
    const kpi = items.find((i) => i.label === 'KPI 指标表');
    assert.ok(kpi, JSON.stringify(items.map((i) => i.label)));
    const text = (kpi.textEdit as TextEdit).newText;
    assert.match(text, /^\| 指标 \| 基线值 \| 目标值 \| 实际值 \| 达成率 \| 状态 \|/);
    for (const goal of ['市场渗透', '品牌认知', '销售增长', '渠道建立']) assert.match(text, new RegExp(`\\| \\$\\{\\d+:${goal}\\} \\|`));
    assert.match(text, /XX%/);
  });

  it('explains a chapter heading on hover: slot, required, guidance', async () => {
    const hover = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: seed2Uri },
      position: { line: 149, character: 5 },
    })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /Lessons Learned.*`lessons`.*required/);
  });

  it('answers the checklist request with every slot of the schema and the placeholder count', async () => {
    const result = (await server.connection.sendRequest('reportWriter/checklist', { uri: seed2Uri })) as {
      schema: { id: string };
      items: { slot: string; present: boolean; placeholders: number }[];
      placeholders: number;
    };
    assert.equal(result.schema.id, 'market-expansion');
    assert.equal(result.items.length, 11);
    assert.ok(result.items.every((i) => ['management', 'resources'].includes(i.slot) !== i.present));
    assert.equal(result.items.find((i) => i.slot === 'results')!.placeholders, 10);
    assert.equal(result.placeholders, 14);
  });

  it('writes a whole skeleton into an empty document, which then has no missing chapters', async () => {
    const uri = 'untitled:Untitled-1';
    await server.open(uri, '');
    const result = (await server.connection.sendRequest('reportWriter/skeleton', { uri, schema: 'process-optimization', language: 'zh-cn' })) as { edits: TextEdit[] };
    const text = applyEdits('', result.edits);
    assert.match(text, /^---\nschema: process-optimization\n/);
    assert.match(text, /\| 阶段 \| 计划开始 \| 计划完成 \| 实际完成 \| 里程碑 \| 状态 \|/);
    assert.match(text, /\| 指标 \| 基线值 \| 目标值 \| 实际值 \| 达成率 \| 状态 \|/);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    const diagnostics = await pullDiagnostics(server, uri);
    assert.deepEqual(diagnostics.filter((d) => ['missing-chapter', 'chapter-order', 'numbering', 'duplicate-chapter'].includes(String(d.code))), []);
  });

  it('answers the goal check: every goal with its target, outcome, verdict and achievement, and a Markdown scorecard', async () => {
    const uri = fixtureUri('goals/bike-share-closure-report.md');
    await server.open(uri, fs.readFileSync(path.join(process.cwd(), 'test/fixtures/goals/bike-share-closure-report.md'), 'utf8'));
    const result = (await server.connection.sendRequest('reportWriter/goalCheck', { uri })) as GoalCheckResult;
    assert.equal(result.goals.length, 9);
    assert.deepEqual(result.totals, { met: 3, missed: 3, unverifiable: 2, noOutcome: 1 });
    const registrations = result.goals[0]!;
    assert.equal(registrations.range.start.line, 8);
    assert.equal(registrations.verdict, 'met');
    assert.equal(registrations.outcome?.range.start.line, 28);
    assert.equal(registrations.achievement, 1.17);
    assert.equal(result.goals.find((g) => g.verdict === 'no-outcome')?.outcome, null);
    assert.match(result.markdown, /^\| .+ \|\n\| --- \|/);
  });

  it('keeps serving after malformed front matter and binary bytes', async () => {
    const broken = 'file:///tmp/broken-总结报告.md';
    await server.open(broken, '---\ntitle: [unclosed\nschema: generic\n---\n# 项目总结报告\n');
    const diagnostics = await pullDiagnostics(server, broken);
    const frontmatter = diagnostics.find((d) => d.code === 'frontmatter');
    assert.ok(frontmatter, JSON.stringify(diagnostics));
    assert.equal(frontmatter.severity, 1);
    const binary = 'file:///tmp/binary.md';
    await server.open(binary, '\u0000\u0001\u0002PNG\u0000\uFFFD'.repeat(100));
    assert.ok(Array.isArray(await pullDiagnostics(server, binary)));
    const unknown = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///never-opened.md' } })) as unknown[];
    assert.deepEqual(unknown, []);
    assert.equal((await pullDiagnostics(server, seed2Uri)).filter((d) => d.code === 'placeholder').length, 14);
  });
});

describe('language server settings, locale and clients without pull diagnostics', function () {
  it('speaks Chinese when the client runs in zh-cn', async () => {
    const server = await startServer({ locale: 'zh-cn' });
    try {
      await server.open(seed2Uri, seed2);
      const diagnostics = await pullDiagnostics(server, seed2Uri);
      assert.match(diagnostics.find((d) => d.code === 'placeholder')!.message, /占位符“XX%”/);
    } finally {
      await server.close();
    }
  });

  it('turns vague quantities off with reportWriter.vagueQuantities.severity = off', async () => {
    const server = await startServer({ settings: { vagueQuantities: { severity: 'off' } } });
    try {
      await server.open(seed2Uri, seed2);
      const diagnostics = await pullDiagnostics(server, seed2Uri);
      assert.equal(diagnostics.filter((d) => d.code === 'vague-quantity').length, 0);
      assert.ok(diagnostics.some((d) => d.code === 'placeholder'));
    } finally {
      await server.close();
    }
  });

  it('keeps answering with a catastrophic extra pattern, and with settings of the wrong types, telling once what it does not use', async () => {
    const settings = { placeholders: { extraPatterns: ['(a+)+$', '(?<=x)y'] }, maxNumberOfProblems: 'many', vagueQuantities: 7 };
    const server = await startServer({ settings });
    const warnings: string[] = [];
    server.connection.onRequest('window/showMessageRequest', (params: { message: string }) => void warnings.push(params.message));
    try {
      const uri = fixtureUri('corpus/catastrophic.md');
      await server.open(uri, `${seed2}\n\n${'a'.repeat(39)}!\n`);
      const diagnostics = await pullDiagnostics(server, uri);
      assert.ok(diagnostics.some((d) => d.code === 'placeholder') && diagnostics.some((d) => d.code === 'vague-quantity'));
      await server.open(seed2Uri, seed2);
      assert.ok((await pullDiagnostics(server, seed2Uri)).length > 0);
      assert.deepEqual(warnings.length, 1, warnings.join('\n'));
      assert.match(warnings[0]!, /^reportWriter\.placeholders\.extraPatterns: \(\?<=x\)y is not used: /);
    } finally {
      await server.close();
    }
  });

  it('answers with the defaults when extraPatterns is a string, not a list', async () => {
    const server = await startServer({ settings: { placeholders: { extraPatterns: 'TBD' } } });
    try {
      await server.open(seed2Uri, seed2);
      assert.ok((await pullDiagnostics(server, seed2Uri)).some((d) => d.code === 'placeholder'));
    } finally {
      await server.close();
    }
  });

  it('sends at most reportWriter.maxNumberOfProblems problems, the most severe first, and says how many more there are', async () => {
    const server = await startServer({ settings: { maxNumberOfProblems: 5 } });
    try {
      await server.open(seed2Uri, seed2);
      const diagnostics = await pullDiagnostics(server, seed2Uri);
      assert.equal(diagnostics.length, 5);
      const note = diagnostics.filter((d) => d.code === 'too-many-problems');
      assert.equal(note.length, 1);
      assert.equal(note[0]!.severity, 3 /* Information */);
      // seed 2 has 30 problems: 4 shown, 26 left out; hints (vague quantities) are the first to go.
      assert.match(note[0]!.message, /26 more problems .*\(30 in all/);
      assert.ok(diagnostics.every((d) => d.severity !== 4 /* Hint */));
    } finally {
      await server.close();
    }
  });

  it('pushes diagnostics to a client that cannot pull them', async () => {
    const server = await startServer({ pull: false });
    try {
      const published = new Promise<PublishDiagnosticsParams>((resolve) =>
        server.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
          if (params.uri === seed2Uri) resolve(params);
        }),
      );
      assert.equal(server.initializeResult.capabilities.diagnosticProvider, undefined);
      await server.open(seed2Uri, seed2);
      const params = await published;
      assert.equal(params.diagnostics.filter((d) => d.code === 'placeholder').length, 14);
    } finally {
      await server.close();
    }
  });

  it('reads .report-schemas of the workspace, uses a valid one and reports a broken one on its file', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rw-ws-'));
    fs.mkdirSync(path.join(folder, '.report-schemas'));
    fs.writeFileSync(path.join(folder, '.report-schemas', 'team.yaml'), [
      'id: team-retro', 'extends: generic', 'slots:', '  - id: risks', '    title: { zh-cn: 风险登记, en: Risk Register }',
      '    required: true', '    aliases: [风险登记]', '    after: challenges', '',
    ].join('\n'));
    fs.writeFileSync(path.join(folder, '.report-schemas', 'broken.yaml'), 'id: broken\nslots: [\n');
    const server = await startServer({ workspaceFolder: folder });
    try {
      const brokenUri = pathToFileURL(path.join(folder, '.report-schemas', 'broken.yaml')).href;
      const published = new Promise<PublishDiagnosticsParams>((resolve) =>
        server.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
          if (params.uri === brokenUri) resolve(params);
        }),
      );
      const uri = pathToFileURL(path.join(folder, '总结报告.md')).href;
      await server.open(uri, seed1.replace('# 复杂系统集成项目总结报告', '---\nschema: team-retro\n---\n\n# 复杂系统集成项目总结报告'));
      const diagnostics = await pullDiagnostics(server, uri);
      const missing = diagnostics.filter((d) => d.code === 'missing-chapter');
      assert.equal(missing.length, 1);
      assert.match(missing[0]!.message, /风险登记/);
      const problems = await published;
      assert.equal(problems.diagnostics.length, 1);
      assert.equal(problems.diagnostics[0]!.severity, 1);
      assert.match(problems.diagnostics[0]!.message, /not valid YAML/);
    } finally {
      await server.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses at once a schema file linked to /dev/zero or to a file outside the workspace, with a problem on each link', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rw-ws-'));
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'rw-outside-'));
    fs.mkdirSync(path.join(folder, '.report-schemas'));
    fs.writeFileSync(path.join(outside, 'secret.yaml'), 'id: secret\nsecretKeyName: 1\n');
    fs.symlinkSync('/dev/zero', path.join(folder, '.report-schemas', 'zero.yaml'));
    fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(folder, '.report-schemas', 'secret.yaml'));
    const server = await startServer({ workspaceFolder: folder });
    try {
      const uriOf = (name: string) => pathToFileURL(path.join(folder, '.report-schemas', name)).href;
      const wanted = new Set([uriOf('zero.yaml'), uriOf('secret.yaml')]);
      const published = new Promise<Map<string, PublishDiagnosticsParams>>((resolve) => {
        const seen = new Map<string, PublishDiagnosticsParams>();
        server.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
          if (wanted.has(params.uri)) seen.set(params.uri, params);
          if (seen.size === wanted.size) resolve(seen);
        });
      });
      const uri = pathToFileURL(path.join(folder, '总结报告.md')).href;
      await server.open(uri, seed1);
      assert.ok((await pullDiagnostics(server, uri)).length > 0, 'reports are still checked');
      const problems = await published;
      assert.match(problems.get(uriOf('zero.yaml'))!.diagnostics[0]!.message, /not read: it is not a regular file/);
      const secret = problems.get(uriOf('secret.yaml'))!.diagnostics;
      assert.equal(secret.length, 1);
      assert.match(secret[0]!.message, /outside its folder or workspace/);
      assert.doesNotMatch(secret[0]!.message, /secretKeyName/);
    } finally {
      await server.close();
      fs.rmSync(folder, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
