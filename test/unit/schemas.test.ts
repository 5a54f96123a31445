import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import {
  builtinSchemaSources,
  createBuiltinRegistry,
  describeSchemaProblem,
  SchemaRegistry,
  HeadingReader,
  type SchemaProblem,
} from '../../server/src/core/index.js';
import { analyzeText, chapters, diagnosticsOf, readFixture, report, textOf } from './util.js';

const builtinIds = ['generic', 'system-integration', 'market-expansion', 'process-optimization'];
const slotIds = (registry: SchemaRegistry, id: string) => registry.get(id)!.slots.map((s) => s.id);
const requiredIds = (registry: SchemaRegistry, id: string) => registry.get(id)!.slots.filter((s) => s.required).map((s) => s.id);

/** A registry with the built-in schemas and the given fixture files of test/fixtures/schemas. */
function registryWith(...files: string[]): SchemaRegistry {
  const registry = createBuiltinRegistry();
  for (const file of files) registry.set(`workspace:${file}`, readFixture(`schemas/${file}`));
  return registry;
}

/** A problem as `key line:column covered-text`, located in its own file. */
function located(problem: SchemaProblem, text: string): string {
  const { line, column } = describeSchemaProblem(problem, text, 'en');
  return `${problem.key} ${line}:${column} ${text.slice(problem.start, problem.end).split('\n')[0]}`;
}

function problemsOf(file: string, ...others: string[]): string[] {
  const registry = registryWith(file, ...others);
  const text = readFixture(`schemas/${file}`);
  return registry.problems(`workspace:${file}`).map((p) => located(p, text));
}

describe('schemas: built-in', () => {
  const registry = createBuiltinRegistry();

  it('loads the four built-in schemas without problems', () => {
    assert.deepEqual(registry.problems(), []);
    assert.deepEqual(registry.ids(), builtinIds);
    assert.deepEqual(Object.keys(builtinSchemaSources).sort(), builtinIds.map((id) => `builtin:${id}`).sort());
  });

  it('gives the generic schema its eleven slots and seven required ones', () => {
    assert.deepEqual(slotIds(registry, 'generic'), [
      'goals', 'overview', 'implementation', 'results', 'management', 'resources', 'challenges', 'success-factors', 'lessons', 'outlook', 'conclusion',
    ]);
    assert.deepEqual(requiredIds(registry, 'generic'), ['goals', 'implementation', 'results', 'challenges', 'lessons', 'outlook', 'conclusion']);
  });

  it('makes the derived schemas inherit the generic slots, in the same order', () => {
    for (const id of builtinIds.slice(1)) assert.deepEqual(slotIds(registry, id), slotIds(registry, 'generic'), id);
  });

  it('lets a derived schema override required and add aliases, keeping the inherited terms', () => {
    assert.deepEqual(requiredIds(registry, 'system-integration'), ['goals', 'implementation', 'results', 'management', 'challenges', 'lessons', 'outlook', 'conclusion']);
    assert.deepEqual(requiredIds(registry, 'market-expansion'), ['goals', 'implementation', 'results', 'challenges', 'success-factors', 'lessons', 'outlook', 'conclusion']);
    assert.deepEqual(requiredIds(registry, 'process-optimization'), [
      'goals', 'implementation', 'results', 'resources', 'challenges', 'success-factors', 'lessons', 'outlook', 'conclusion',
    ]);
    const implementation = registry.get('system-integration')!.slots.find((s) => s.id === 'implementation')!;
    assert.ok(implementation.strong.includes('实施'), 'inherited term');
    assert.ok(implementation.aliases.includes('需求分析'), 'own alias');
    const goals = registry.get('system-integration')!.slots.find((s) => s.id === 'goals')!;
    assert.deepEqual(goals.title, registry.get('generic')!.slots.find((s) => s.id === 'goals')!.title, 'title inherited');
    assert.equal(registry.get('system-integration')!.name['zh-cn'], '系统集成项目总结报告');
  });

  it('gives each derived schema the title keywords that select it', () => {
    assert.ok(registry.get('system-integration')!.titleKeywords.includes('系统集成'));
    assert.ok(registry.get('market-expansion')!.titleKeywords.includes('市场拓展'));
    assert.ok(registry.get('process-optimization')!.titleKeywords.includes('流程优化'));
  });
});

describe('schemas: a workspace schema', () => {
  const registry = registryWith('with-risks.yaml');

  it('extends generic with a slot placed after the one it names, and overrides required', () => {
    assert.deepEqual(registry.problems(), []);
    assert.deepEqual(slotIds(registry, 'with-risks'), [
      'goals', 'overview', 'implementation', 'results', 'management', 'resources', 'challenges', 'risks', 'success-factors', 'lessons', 'outlook', 'conclusion',
    ]);
    assert.deepEqual(requiredIds(registry, 'with-risks'), ['goals', 'implementation', 'results', 'challenges', 'risks', 'lessons', 'outlook']);
    assert.deepEqual(new HeadingReader(registry.get('with-risks')!).classify('风险评估'), ['risks']);
    assert.deepEqual(slotIds(registry, 'generic').length, 11, 'the parent is not changed');
  });

  it('is used by a report whose front matter names it', () => {
    const text = `---\nschema: with-risks\n---\n\n${report(chapters('项目背景与目标', '项目实施过程', '项目成果与效益', '存在问题与挑战', '经验教训', '未来展望与建议'))}`;
    const analysis = analyzeText(text, undefined, {}, registry);
    assert.equal(analysis.schema.id, 'with-risks');
    assert.equal(analysis.schemaReason, 'front-matter');
    const missing = diagnosticsOf(analysis, 'missing-chapter');
    assert.deepEqual(missing.map((d) => d.data), [{ kind: 'missing-chapter', slot: 'risks', insertAt: text.indexOf('## 经验教训') }]);
    assert.ok(missing[0]!.message.includes('存在问题与挑战'), missing[0]!.message);
  });

  it('is used when the schema setting names it', () => {
    const analysis = analyzeText(report(chapters('项目背景与目标')), undefined, { schema: 'with-risks' }, registry);
    assert.equal(analysis.schema.id, 'with-risks');
    assert.equal(analysis.schemaReason, 'setting');
  });

  it('is forgotten when its file is deleted, and re-read when it changes', () => {
    const own = registryWith('with-risks.yaml');
    own.set('workspace:with-risks.yaml', readFixture('schemas/with-risks.yaml').replace('id: with-risks', 'id: renamed'));
    assert.equal(own.get('with-risks'), undefined);
    assert.ok(own.get('renamed'));
    own.delete('workspace:with-risks.yaml');
    assert.equal(own.get('renamed'), undefined);
    assert.deepEqual(own.ids(), builtinIds);
  });
});

describe('schemas: problems in schema files', () => {
  it('reports malformed YAML at the position the YAML parser gives', () => {
    const text = readFixture('schemas/broken-yaml.yaml');
    const registry = registryWith('broken-yaml.yaml');
    const problems = registry.problems('workspace:broken-yaml.yaml');
    assert.equal(problems.length, 1);
    const [problem] = problems as [SchemaProblem];
    assert.equal(problem.key, 'schema.yaml');
    const described = describeSchemaProblem(problem, text, 'en');
    assert.deepEqual([described.line, described.column], [5, 12]);
    const parserError = parseDocument(text).errors[0]!;
    assert.deepEqual([described.line, described.column], [parserError.linePos![0].line, parserError.linePos![0].col]);
    assert.ok(described.message.includes('Nested mappings'), described.message);
    assert.equal(registry.get('broken'), undefined);
    assert.deepEqual(registry.ids(), builtinIds);
  });

  it('reports malformed YAML of a CRLF file on the same line and column', () => {
    const text = readFixture('schemas/broken-yaml.yaml').replace(/\n/g, '\r\n');
    const registry = createBuiltinRegistry();
    registry.set('workspace:crlf.yaml', text);
    const [problem] = registry.problems('workspace:crlf.yaml');
    assert.ok(problem);
    const { line, column } = describeSchemaProblem(problem, text, 'en');
    assert.deepEqual([line, column], [5, 12]);
  });

  it('reports unknown keys of the schema and of a slot at the key', () => {
    assert.deepEqual(problemsOf('unknown-key.yaml'), ['schema.unknownKey 3:1 colour', 'schema.unknownKey 6:5 colour']);
  });

  it('reports values of the wrong type at the value', () => {
    assert.deepEqual(problemsOf('wrong-types.yaml').sort(), [
      'schema.expectedBetween 10:14 [challenges]',
      'schema.expectedBoolean 6:15 yes please',
      'schema.expectedList 7:14 背景',
      'schema.expectedLocalized 3:7 12',
    ]);
  });

  it('reports an unknown parent at the extends value', () => {
    assert.deepEqual(problemsOf('unknown-parent.yaml'), ['schema.unknownParent 2:10 nope']);
    assert.equal(registryWith('unknown-parent.yaml').get('orphan'), undefined);
  });

  it('reports an extends cycle in each file of the cycle, and resolves neither schema', () => {
    assert.deepEqual(problemsOf('cycle-a.yaml', 'cycle-b.yaml'), ['schema.cycle 2:10 cycle-b']);
    assert.deepEqual(problemsOf('cycle-b.yaml', 'cycle-a.yaml'), ['schema.cycle 2:10 cycle-a']);
    const registry = registryWith('cycle-a.yaml', 'cycle-b.yaml');
    assert.equal(registry.get('cycle-a'), undefined);
    assert.equal(registry.get('cycle-b'), undefined);
  });

  it('reports a schema that extends itself', () => {
    const registry = createBuiltinRegistry();
    registry.set('workspace:self.yaml', 'id: selfish\nextends: selfish\n');
    assert.deepEqual(registry.problems('workspace:self.yaml').map((p) => p.key), ['schema.cycle']);
  });

  it('reports a duplicate schema id and keeps the first definition', () => {
    assert.deepEqual(problemsOf('duplicate-id.yaml'), ['schema.duplicateId 2:1 id: generic']);
    assert.equal(registryWith('duplicate-id.yaml').get('generic')!.source, 'builtin:generic');
  });

  it('reports a duplicate slot at its second definition and keeps the first', () => {
    assert.deepEqual(problemsOf('duplicate-slot.yaml'), ['schema.duplicateSlot 5:5 id: goals']);
    const schema = registryWith('duplicate-slot.yaml').get('duplicate-slot')!;
    assert.deepEqual(schema.slots.map((s) => s.title['zh-cn']), ['目标']);
  });

  it('localizes schema problems', () => {
    const text = readFixture('schemas/unknown-parent.yaml');
    const [problem] = registryWith('unknown-parent.yaml').problems('workspace:unknown-parent.yaml');
    assert.ok(/[\u4e00-\u9fff]/u.test(describeSchemaProblem(problem!, text, 'zh-cn').message));
  });

  it('never throws, whatever the file holds', () => {
    const inputs = ['', '- a\n- b\n', 'just text', '\u0000\u0001\u0002', 'id: x\nslots: &a\n  - *a\n', 'id: x\nslots: 5\n', 'id: [x]\n', 'id: x\nslots:\n  - 7\n  - id: ok\n', ':\n:\n', 'id: x\nextends: {a: 1}\n'];
    for (const text of inputs) {
      const registry = createBuiltinRegistry();
      assert.doesNotThrow(() => {
        registry.set('workspace:odd.yaml', text);
        for (const problem of registry.problems()) describeSchemaProblem(problem, text, 'en');
      }, JSON.stringify(text));
      assert.ok(registry.problems('workspace:odd.yaml').length > 0, `${JSON.stringify(text)} should be reported`);
      for (const p of registry.problems('workspace:odd.yaml')) {
        assert.ok(p.start >= 0 && p.start <= p.end && p.end <= Math.max(text.length, 1), `${p.key} [${p.start}, ${p.end}) in ${JSON.stringify(text)}`);
      }
      assert.deepEqual(registry.ids(), builtinIds);
    }
  });
});

describe('schemas: chosen by a report', () => {
  it('reports an unknown schema named in front matter as an error at the value, and falls back to the title', () => {
    const seed1 = readFixture('corpus/seed-1-system-integration.md');
    const text = `---\nschema: nope\n---\n\n${seed1}`;
    const analysis = analyzeText(text);
    const unknown = diagnosticsOf(analysis, 'unknown-schema');
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0]!.severity, 'error');
    assert.equal(textOf(text, unknown[0]!), 'nope');
    assert.ok(unknown[0]!.message.includes('nope'), unknown[0]!.message);
    assert.equal(analysis.schema.id, 'system-integration');
    assert.equal(analysis.schemaReason, 'title');
    assert.equal(analysis.isReport, true);
  });

  it('falls back to generic when nothing else names a schema', () => {
    const text = `---\ntype: nope\n---\n\n${report(chapters('项目背景与目标'))}`;
    const analysis = analyzeText(text);
    assert.deepEqual(diagnosticsOf(analysis, 'unknown-schema').map((d) => textOf(text, d)), ['nope']);
    assert.equal(analysis.schema.id, 'generic');
    assert.equal(analysis.schemaReason, 'default');
  });

  it('matches Latin title keywords as whole words only', () => {
    assert.equal(analyzeText(report(chapters('Background'), 'Lean Manufacturing Closure Report')).schema.id, 'process-optimization');
    assert.equal(analyzeText(report(chapters('Background'), 'Clean Water Closure Report')).schema.id, 'generic');
    assert.equal(analyzeText(report(chapters('Background'), 'ERP Rollout Closure Report')).schema.id, 'system-integration');
    assert.equal(analyzeText(report(chapters('Background'), 'Enterprise Portal Closure Report')).schema.id, 'generic');
  });

  it('prefers the front matter over the title', () => {
    const text = `---\nschema: market-expansion\n---\n\n${readFixture('corpus/seed-1-system-integration.md')}`;
    const analysis = analyzeText(text);
    assert.equal(analysis.schema.id, 'market-expansion');
    assert.equal(analysis.schemaReason, 'front-matter');
    assert.deepEqual(diagnosticsOf(analysis, 'missing-chapter').map((d) => d.data?.kind === 'missing-chapter' && d.data.slot), ['success-factors']);
  });
});
