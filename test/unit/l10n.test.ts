import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localize, messageKeys, toLocale, type Locale } from '../../server/src/core/index.js';
import { analyzeText, diagnosticsOf, readFixture, statusOverGoal } from './util.js';

const coreDir = path.join(process.cwd(), 'server/src/core');
const hasChinese = (text: string) => /[\u4e00-\u9fff]/u.test(text);

function sourcesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

describe('l10n: catalogs', () => {
  const keys = messageKeys();

  it('has the same keys in en and zh-cn', () => {
    assert.ok(keys.en.length > 20, 'the English catalog was read');
    assert.deepEqual([...keys['zh-cn']].sort(), [...keys.en].sort());
  });

  it('has a non-empty message for every key in both languages, with the same {arguments}', () => {
    const args = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:\}|, *plural,)/g)].map((m) => m[1]))].sort();
    for (const key of keys.en) {
      const en = localize('en', key);
      const zh = localize('zh-cn', key);
      assert.notEqual(en, key, `en: ${key}`);
      assert.notEqual(zh, key, `zh-cn: ${key}`);
      assert.ok(en.trim() !== '' && zh.trim() !== '', key);
      assert.deepEqual(args(zh), args(en), `arguments of ${key}`);
    }
  });

  it('has every key the engine passes to localize', () => {
    const prefixes = new Set(keys.en.filter((k) => k.includes('.')).map((k) => k.split('.')[0]!));
    const used = new Set<string>();
    for (const file of sourcesUnder(coreDir)) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/'([a-z][A-Za-z]*)\.([a-z][A-Za-z]*)'/g)) {
        if (prefixes.has(match[1]!)) used.add(`${match[1]}.${match[2]}`);
      }
    }
    assert.ok(used.has('missingChapter.after') && used.has('schema.yaml'), 'the scan finds keys');
    for (const key of used) {
      assert.ok(keys.en.includes(key), `en lacks ${key}`);
      assert.ok(keys['zh-cn'].includes(key), `zh-cn lacks ${key}`);
    }
  });
});

describe('l10n: localize', () => {
  it('fills in the arguments', () => {
    assert.equal(localize('en', 'placeholder', { text: 'XX%' }), 'Placeholder “XX%” is still in the text: replace it with the real value.');
    assert.ok(localize('zh-cn', 'placeholder', { text: 'XX%' }).includes('XX%'));
  });

  it('leaves an unknown key as it is', () => {
    assert.equal(localize('zh-cn', 'no.suchKey'), 'no.suchKey');
  });

  it('picks the singular or plural wording of a count in English, and the one wording in Chinese', () => {
    const counts = (n: number) => ({ files: n, reports: n, errors: n, warnings: n, others: n });
    assert.equal(localize('en', 'cli.summary', counts(1)), '1 file, 1 report: 1 error, 1 warning, 1 other note.');
    assert.equal(localize('en', 'cli.summary', counts(2)), '2 files, 2 reports: 2 errors, 2 warnings, 2 other notes.');
    assert.equal(localize('en', 'cli.summary', counts(0)), '0 files, 0 reports: 0 errors, 0 warnings, 0 other notes.');
    assert.equal(localize('zh-cn', 'cli.summary', counts(1)), '1 个文件，1 份报告：1 个错误，1 个警告，1 条其他提示。');
    assert.equal(localize('en', 'cli.goals.heading', { path: 'a.md', count: 1 }), 'a.md: 1 goal');
    assert.match(localize('en', 'tooManyProblems', { omitted: 1, total: 2, maximum: 1 }), /^1 more problem from here on is not shown \(2 in all;/);
  });

  it('leaves a plural whose count is not given as written', () => {
    assert.match(localize('en', 'cli.goals.heading', { path: 'a.md' }), /^a\.md: \{count, plural, one \{# goal\} other \{# goals\}\}$/);
  });

  it('fills in every plural of both catalogs for one and for many', () => {
    for (const locale of ['en', 'zh-cn'] as Locale[]) {
      for (const key of messageKeys()[locale]) {
        for (const n of [1, 7]) {
          const args = Object.fromEntries([...localize(locale, key).matchAll(/\{(\w+)/g)].map((m) => [m[1]!, n]));
          const message = localize(locale, key, args);
          assert.ok(!/[{}#]/.test(message.replace(/`[^`]*`/g, '')), `${locale} ${key}: ${message}`);
        }
      }
    }
  });
});

describe('l10n: messages of an analysis', () => {
  const seed1 = readFixture('corpus/seed-1-system-integration.md');
  const withoutLessons = (() => {
    const lines = seed1.split('\n');
    return [...lines.slice(0, 114), ...lines.slice(140)].join('\n');
  })();

  it('writes the missing-chapter message in Chinese for zh-cn', () => {
    const [d] = diagnosticsOf(analyzeText(withoutLessons, undefined, { locale: 'zh-cn' }), 'missing-chapter');
    assert.ok(d);
    assert.ok(d.message.startsWith('缺少'), d.message);
    assert.ok(d.message.includes('经验教训') && d.message.includes('第六章 存在问题与挑战'), d.message);
    assert.ok(!/Missing|chapter|belongs/i.test(d.message), d.message);
  });

  it('writes the missing-chapter message in English for en, naming the chapter in the report\'s language', () => {
    const [d] = diagnosticsOf(analyzeText(withoutLessons, undefined, { locale: 'en' }), 'missing-chapter');
    assert.ok(d);
    // The slot's id (lessons) is the schema's word, not the writer's: the message names the chapter only.
    assert.ok(d.message.startsWith('Missing required chapter “经验教训”: it belongs after'), d.message);
    const english = '# Project Closure Report\n\n## 1. Background and Objectives\n\nWhy.\n\n## 2. Implementation\n\nHow.\n\n## 3. Results\n\nWhat.\n\n## 4. Challenges\n\nHard.\n\n## 5. Outlook\n\nNext.\n\n## 6. Conclusion\n\nDone.\n';
    const [e] = diagnosticsOf(analyzeText(english, 'file:///r/closure.md', { locale: 'zh-cn' }), 'missing-chapter');
    assert.ok(e);
    assert.ok(e.message.startsWith('缺少必需章节“Lessons Learned”：应位于'), e.message);
  });

  it('leaves no {argument} unfilled in any message, in either language', () => {
    const documents = [
      withoutLessons,
      '---\nschema: nope\n---\n\n# 项目总结报告\n\n## 第二章 项目实施过程\n\n### 3.1 x\n\n## 第二章 项目实施过程\n\n## 一、结语\n\n数十项XX\n\n## 第四章 项目背景与目标\n\n背景。\n',
      '---\nfoo: [\n---\n\n# 项目总结报告\n',
      '---\n- a\n---\n\n# 项目总结报告\n',
      '---\n# 项目总结报告\n',
      readFixture('goals/政务服务流程再造项目总结报告.md'),
      readFixture('goals/tables-项目总结报告.md'),
      statusOverGoal,
      '# 门诊项目总结报告\n\n## 项目目标\n\n- 预约诊疗率 ≥ 75%。\n\n## 项目成果\n\n预约挂号患者已占门诊总人次的 81.5%。\n',
    ];
    for (const locale of ['en', 'zh-cn'] as Locale[]) {
      const codes = new Set<string>();
      for (const text of documents) {
        for (const d of analyzeText(text, undefined, { locale }).diagnostics) {
          codes.add(d.code);
          assert.ok(!/\{\w+\}/.test(d.message), `${locale} ${d.code}: ${d.message}`);
          if (locale === 'zh-cn') assert.ok(hasChinese(d.message), `${d.code}: ${d.message}`);
        }
      }
      assert.deepEqual(
        [...codes].sort(),
        [
          'chapter-order', 'covered-by-section', 'duplicate-chapter', 'empty-section', 'frontmatter', 'goal-missed', 'goal-no-outcome', 'goal-unclear-outcome', 'kpi-table', 'milestone-table',
          'missing-chapter', 'numbering', 'placeholder', 'status-contradiction', 'unit-mismatch', 'unknown-schema', 'unsupported-claim', 'vague-quantity',
        ],
      );
    }
  });
});

describe('l10n: toLocale', () => {
  for (const tag of ['zh', 'zh-CN', 'zh-cn', 'zh_CN', 'zh_CN.UTF-8', 'zh-Hans', 'zh-Hans-CN', 'zh-SG', 'ZH-CN']) {
    it(`maps ${tag} to zh-cn`, () => {
      assert.equal(toLocale(tag), 'zh-cn');
    });
  }
  for (const tag of [undefined, '', 'en', 'en-US', 'en_GB.UTF-8', 'fr', 'de-DE', 'C', 'POSIX', 'zhx']) {
    it(`maps ${JSON.stringify(tag)} to en`, () => {
      assert.equal(toLocale(tag), 'en');
    });
  }

  it('maps Traditional Chinese tags the same way however they are spelled', () => {
    assert.equal(toLocale('zh_TW.UTF-8'), 'en');
    assert.equal(toLocale('zh-TW'), 'en');
    assert.equal(toLocale('zh-HK'), 'en');
    assert.equal(toLocale('zh-Hant'), 'en');
  });
});
