import * as assert from 'node:assert/strict';
import { analyzeText, diagnosticsOf, flaggedIn, report, textsOf } from './util.js';

describe('vague quantities', () => {
  const flagged: readonly (readonly [string, string])[] = [
    ['识别出数十项风险', '数十项'],
    ['共有数十位专家', '数十位'],
    ['修复了数百个缺陷', '数百个'],
    ['覆盖数千名用户', '数千名'],
    ['节约数万元成本', '数万元'],
    ['捕获了近千项需求', '近千项'],
    ['其中近半数为高优先级', '近半数'],
    ['进行了超过百场次访谈', '超过百场次'],
    ['与数家经销商合作', '数家'],
    ['历时数月', '数月'],
    ['历时数周', '数周'],
    ['从数天缩短至一天', '数天'],
    ['缩短至数小时', '数小时'],
    ['邀请数位专家', '数位'],
    ['在数个商圈开店', '数个'],
    ['引入数套系统', '数套'],
    ['开展数场活动', '数场'],
    ['参与了数十项目', '数十'],
    ['走进全国十余个城市', '十余个'],
    ['组织培训百余场', '百余场'],
    ['覆盖几十家门店', '几十家'],
    ['合作达人数百位', '数百位'],
    ['清洗价格数据数万条', '数万条'],
    ['Only a handful of sites reported late.', 'a handful of'],
  ];
  for (const [paragraph, expected] of flagged) {
    it(`flags ${expected} in ${paragraph}`, () => {
      assert.deepEqual(flaggedIn('vague-quantity', paragraph), [expected]);
    });
  }

  for (const bare of ['数十', '数百', '数千', '近千', '超过百']) {
    it(`flags ${bare} standing alone`, () => {
      assert.deepEqual(flaggedIn('vague-quantity', `约有${bare}。`), [bare]);
    });
  }

  const notFlagged: readonly string[] = [
    '效率提升约60%',
    '部分数据缺乏校验',
    '数据准确率提升至99%以上',
    '多数用户表示满意',
    '调整系统参数',
    '编写函数与接口',
    '参与人数为52人',
    '超过百分之五十的用户',
    '共二十余个城市',
    '三千余人次参加',
    '参会人数百分比',
  ];
  for (const paragraph of notFlagged) {
    it(`flags nothing in ${paragraph}`, () => {
      assert.deepEqual(flaggedIn('vague-quantity', paragraph), []);
    });
  }

  it('reports information by default (listed in the Problems panel), naming the quantity', () => {
    const analysis = analyzeText(report('## 项目背景与目标\n\n节约数万元。\n'));
    const [d] = diagnosticsOf(analysis, 'vague-quantity');
    assert.ok(d);
    assert.equal(d.severity, 'information');
    assert.ok(d.message.includes('数万元'), d.message);
  });

  it('uses the severity of the setting', () => {
    for (const severity of ['error', 'warning', 'information', 'hint'] as const) {
      const analysis = analyzeText(report('## 项目背景与目标\n\n历时数月。\n'), undefined, { vagueQuantitySeverity: severity });
      assert.deepEqual(diagnosticsOf(analysis, 'vague-quantity').map((d) => d.severity), [severity]);
    }
  });

  it('reports none when the setting is off, and still reports placeholders', () => {
    const analysis = analyzeText(report('## 项目背景与目标\n\n历时数月，投入XX万元。\n'), undefined, { vagueQuantitySeverity: 'off' });
    assert.deepEqual(textsOf(analysis, 'vague-quantity'), []);
    assert.deepEqual(textsOf(analysis, 'placeholder'), ['XX万元']);
  });

  it('does not flag vague quantities in code or HTML comments', () => {
    assert.deepEqual(flaggedIn('vague-quantity', '`数十项` <!-- 数百个 --> 正文'), []);
  });
});
