import * as assert from 'node:assert/strict';
import { createBuiltinRegistry, HeadingReader } from '../../server/src/core/index.js';

const registry = createBuiltinRegistry();
const classifierFor = (schemaId: string): HeadingReader => new HeadingReader(registry.get(schemaId)!);
const generic = classifierFor('generic');

/** The chapter titles of CORPUS-README.md ("Chapter titles, in order"), with the concept of each. */
const seeds: readonly { readonly schema: string; readonly chapters: readonly (readonly [string, readonly string[]])[] }[] = [
  {
    schema: 'system-integration',
    chapters: [
      ['引言', ['goals']],
      ['项目概述', ['overview']],
      ['项目实施情况', ['implementation']],
      ['项目成果与效益', ['results']],
      ['项目管理与控制', ['management']],
      ['存在问题与挑战', ['challenges']],
      ['经验教训', ['lessons']],
      ['未来展望与建议', ['outlook']],
      ['结语', ['conclusion']],
    ],
  },
  {
    schema: 'market-expansion',
    chapters: [
      ['项目启动与目标', ['goals']],
      ['市场调研与策略制定', ['overview']],
      ['项目实施过程', ['implementation']],
      ['核心成果与市场反馈', ['results']],
      ['项目挑战与应对', ['challenges']],
      ['成功要素分析', ['success-factors']],
      ['经验总结与启示', ['lessons']],
      ['后续发展建议', ['outlook']],
      ['总结', ['conclusion']],
    ],
  },
  {
    schema: 'process-optimization',
    chapters: [
      ['项目缘起与目标', ['goals']],
      ['项目规划与范围', ['overview']],
      ['实施步骤与方法', ['implementation']],
      ['关键绩效指标(KPI)与成果', ['results']],
      ['项目资源与投入', ['resources']],
      ['面临的阻力与克服', ['challenges']],
      ['项目成功因素', ['success-factors']],
      ['经验沉淀与推广价值', ['lessons']],
      ['总结与展望', ['conclusion', 'outlook']],
    ],
  },
];

describe('HeadingReader: the chapters of the seed reports', () => {
  for (const seed of seeds) {
    for (const [title, slots] of seed.chapters) {
      it(`maps ${title} to ${slots.join(' + ')} (generic and ${seed.schema})`, () => {
        assert.deepEqual(generic.classify(title), slots);
        assert.deepEqual(classifierFor(seed.schema).classify(title), slots);
      });
    }
  }

  it('maps seed 3 第九章 总结与展望 to both conclusion and outlook', () => {
    assert.deepEqual([...generic.classify('总结与展望')].sort(), ['conclusion', 'outlook']);
  });
});

describe('HeadingReader: English headings', () => {
  const english: readonly (readonly [string, readonly string[]])[] = [
    ['Executive Summary', ['overview']],
    ['Background and Objectives', ['overview', 'goals']],
    ['Introduction', ['goals']],
    ['Project Overview', ['overview']],
    ['Implementation', ['implementation']],
    ['Results and Benefits', ['results']],
    ['Key Performance Indicators', ['results']],
    ['Challenges and Issues', ['challenges']],
    ['What Went Wrong', ['challenges']],
    ['What Went Well', ['success-factors']],
    ['Budget', ['resources']],
    ['Lessons Learned', ['lessons']],
    ['Retrospective', ['lessons']],
    ['Recommendations', ['outlook']],
    ['Next Steps', ['outlook']],
    ['Recommendations / Next Steps', ['outlook']],
    ['Conclusion', ['conclusion']],
  ];
  for (const [title, slots] of english) {
    it(`maps ${title} to ${slots.join(' + ')}`, () => {
      assert.deepEqual(generic.classify(title), slots);
    });
  }

  it('matches Latin aliases as whole words only: Planet is not a plan', () => {
    assert.deepEqual(generic.classify('Planet'), []);
    assert.deepEqual(generic.classify('Planning'), ['overview']);
  });

  it('ignores case and punctuation', () => {
    assert.deepEqual(generic.classify('LESSONS LEARNED:'), ['lessons']);
    assert.deepEqual(generic.classify('“Next steps”'), ['outlook']);
  });
});

describe('HeadingReader: other Chinese headings', () => {
  it('maps 复盘 and 启示 to lessons', () => {
    assert.deepEqual(generic.classify('复盘'), ['lessons']);
    assert.deepEqual(generic.classify('项目复盘'), ['lessons']);
    assert.deepEqual(generic.classify('启示'), ['lessons']);
    assert.deepEqual(generic.classify('复盘与启示'), ['lessons']);
  });

  it('maps a title naming two slots to both, in the order written', () => {
    assert.deepEqual(generic.classify('结论和建议'), ['conclusion', 'outlook']);
    assert.deepEqual(generic.classify('项目背景、实施过程'), ['overview', 'implementation']);
  });

  it('maps a heading that names no slot to nothing', () => {
    assert.deepEqual(generic.classify('附录'), []);
    assert.deepEqual(generic.classify(''), []);
  });
});
