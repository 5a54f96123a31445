import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseBlock, splitBlocks, type ReportModel } from '../../server/src/core/index.js';
import { assembleModel } from '../../server/src/core/parse/incremental.js';
import { changedRange, cutBlocks, recutBlocks } from '../../server/src/core/parse/blocks.js';
import { IncrementalModel } from '../util/incrementalModel.js';
import { anyDocument, applyEdit, blockyDocument, edit, fuzzSeed, fuzzTimeout, runs, seeds } from '../util/documents.js';
import { inDocument, readFixture } from './util.js';

const uri = 'file:///r/总结报告.md';

/** Everything the model says, without the front matter's lookup function and the blocks it was parsed in, but with their paragraphs, list items and prose. */
function plain(model: ReportModel): unknown {
  const { blocks: _, ...rest } = model;
  return JSON.parse(JSON.stringify({ ...rest, paragraphs: inDocument(model, 'paragraphs'), listItems: inDocument(model, 'listItems'), prose: inDocument(model, 'prose') })) as unknown;
}

/** The document parsed in one piece, as if it were never cut into blocks. */
function whole(text: string): ReportModel {
  return assembleModel(uri, text, [parseBlock(text, 0, text.length)]);
}

describe('cutting a document into blocks', function () {
  this.timeout(fuzzTimeout(60_000));

  it('cuts before each heading that follows a blank line, and only there', () => {
    const text = '# 报告\n\n## 第一章 引言\n正文\n## 第二章 实施\n\n### 2.1 步骤\n\n#不是标题\n';
    assert.deepEqual(splitBlocks(text, 0).map((b) => text.slice(b.start, b.end)), [
      '# 报告\n\n',
      '## 第一章 引言\n正文\n## 第二章 实施\n\n',
      '### 2.1 步骤\n\n#不是标题\n',
    ]);
  });

  it('does not cut inside front matter, fences or comments', () => {
    const fenced = '# 报告\n\n```\n\n# 代码\n```\n\n## 第一章\n';
    assert.deepEqual(splitBlocks(fenced, 0).map((b) => b.start), [0, fenced.indexOf('## 第一章')]);
    const commented = '# 报告\n\n<!-- 说明\n\n# 不是\n-->\n\n## 第一章\n';
    assert.deepEqual(splitBlocks(commented, 0).map((b) => b.start), [0, commented.indexOf('## 第一章')]);
    const front = '---\ntitle: x\n\n# 不是\n---\n\n# 报告\n';
    assert.deepEqual(splitBlocks(front, 0).map((b) => b.start), [0, front.indexOf('# 报告')]);
  });

  it('cuts the sample reports into many blocks that together give the same model as one parse', () => {
    for (const name of ['seed-1-system-integration.md', 'seed-2-market-expansion.md', 'seed-3-process-optimization.md', 'seed-3-with-frontmatter.md']) {
      const text = readFixture(`corpus/${name}`);
      const fine = new IncrementalModel(0);
      const built = fine.build(uri, text);
      assert.ok(fine.blockCount >= 20, `${name}: ${fine.blockCount} blocks`);
      assert.deepEqual(plain(built), plain(whole(text)), name);
      const coarse = new IncrementalModel();
      assert.deepEqual(plain(coarse.build(uri, text)), plain(built), name);
      assert.ok(coarse.blockCount >= 2 && coarse.blockCount <= Math.floor(text.length / 2048) + 1, `${name}: ${coarse.blockCount} blocks of at least 2 KB`);
    }
  });

  it('merges a block that ends in a construct the scan missed with the rest of the document', () => {
    // The HTML block (kind 6) makes the scan take the ``` line for a fence opener and its pair for a closer,
    // so it cuts before `# 二`, which the whole parse sees inside a real fence.
    const text = '<div>\n```\n</div>\n\n# 一\n\n```\n正文\n\n# 二\n';
    assert.equal(splitBlocks(text, 0).length, 2);
    const split = new IncrementalModel(0).build(uri, text);
    assert.deepEqual(plain(split), plain(whole(text)));
    assert.deepEqual(split.headings.map((h) => h.text), ['一']);
  });

  it('gives the same model as one parse, on generated documents @props', () => {
    fc.assert(
      fc.property(fc.oneof(blockyDocument, anyDocument), (text) => {
        assert.deepEqual(plain(new IncrementalModel(0).build(uri, text)), plain(whole(text)));
      }),
      { numRuns: runs(300), seed: fuzzSeed },
    );
  });
});

describe('cutting an edited document again', function () {
  this.timeout(fuzzTimeout(120_000));

  it('finds the shortest stretch that differs between two versions, also in long documents', () => {
    fc.assert(
      fc.property(fc.oneof(blockyDocument, fc.constantFrom(...seeds)), fc.array(edit, { minLength: 1, maxLength: 3 }), (previous, edits) => {
        const text = edits.reduce(applyEdit, previous);
        const { from, to, delta } = changedRange(previous, text);
        assert.equal(delta, text.length - previous.length);
        assert.ok(from <= to && from <= to - delta, `${from}…${to} (${delta})`);
        assert.equal(text.slice(0, from), previous.slice(0, from));
        assert.equal(text.slice(to), previous.slice(to - delta));
        assert.ok(from === Math.min(text.length, previous.length) || text[from] !== previous[from], 'from is as late as it can be');
        assert.ok(to === from + Math.max(0, delta) || text[to - 1] !== previous[to - 1 - delta], 'to is as early as it can be');
      }),
      { numRuns: runs(300), seed: fuzzSeed },
    );
    assert.deepEqual(changedRange('甲乙丙', '甲乙丙'), { from: 3, to: 3, delta: 0 });
    assert.deepEqual(changedRange('aaa', 'aaaa'), { from: 3, to: 4, delta: 1 });
  });

  it('after any sequence of edits, cuts where a fresh cut would, whether the changed stretch is exact or wider', () => {
    fc.assert(
      fc.property(
        fc.oneof(blockyDocument, fc.constantFrom(...seeds)),
        fc.array(edit, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(0, 64, 2048),
        (start, edits, minimum) => {
          let text = start;
          let exact = cutBlocks(text, minimum);
          let wide = exact;
          for (const [at, length, insert] of edits) {
            const previous = text;
            text = applyEdit(previous, [at, length, insert]);
            const range = changedRange(previous, text);
            exact = recutBlocks(text, minimum, exact, range.from, range.to, range.delta);
            const from = at % (previous.length + 1);
            wide = recutBlocks(text, minimum, wide, from, from + insert.length, range.delta);
            const fresh = cutBlocks(text, minimum);
            assert.deepEqual(exact, fresh);
            assert.deepEqual(wide, fresh);
          }
        },
      ),
      { numRuns: runs(200), seed: fuzzSeed },
    );
  });

  it('cuts a document with link definitions and resolves references in other blocks, as definitions come and go', () => {
    const text = '# 报告\n\n[a]: https://example.com/a\n\n## 第一章\n\n见[链接][a]和[a]。\n\n## 第二章\n\n[^1]: 说明\n\n## 第三章\n\n脚注[^1]，未定义[b]。\n';
    assert.deepEqual(splitBlocks(text, 0).map((b) => b.start), [0, text.indexOf('## 第一章'), text.indexOf('## 第二章'), text.indexOf('## 第三章')]);
    const model = new IncrementalModel(0);
    // Parsed once each: the definitions its lines seem to make are known before the first parse.
    const steps = model.update(uri, text);
    let step = steps.next();
    let parsed = 0;
    for (; !step.done; step = steps.next()) parsed++;
    assert.deepEqual(plain(step.value), plain(whole(text)));
    assert.equal(model.blockCount, 4);
    assert.equal(parsed, 4);
    // A definition added, its label changed, removed: the blocks that reference it are parsed again.
    const versions = [
      text.replace('未定义[b]', '未定义[b]\n\n[b]: /b'),
      text.replace('[a]: https://example.com/a', '[c]: https://example.com/a'),
      text.replace('[a]: https://example.com/a\n\n', ''),
      text,
    ];
    for (const version of versions) assert.deepEqual(plain(model.build(uri, version)), plain(whole(version)), version);
  });
});

describe('incremental analysis', function () {
  this.timeout(fuzzTimeout(120_000));

  it('after any sequence of edits, gives the same model as a fresh parse @props', () => {
    fc.assert(
      fc.property(fc.oneof(blockyDocument, fc.constantFrom(...seeds)), fc.array(edit, { minLength: 1, maxLength: 12 }), fc.boolean(), (start, edits, events) => {
        // Either block parser, whatever the size (the fresh parse picks by size): they must agree.
        const model = new IncrementalModel(0, { eventsAbove: events ? 0 : Infinity });
        let text = start;
        model.build(uri, text);
        for (const change of edits) {
          text = applyEdit(text, change);
          assert.deepEqual(plain(model.build(uri, text)), plain(whole(text)));
        }
      }),
      { numRuns: runs(100), seed: fuzzSeed },
    );
  });

  it('gives the same model as a fresh parse when told the stretch each edit replaced, and ignores a stretch that cannot fit @props', () => {
    fc.assert(
      fc.property(fc.oneof(blockyDocument, fc.constantFrom(...seeds)), fc.array(edit, { minLength: 1, maxLength: 12 }), fc.boolean(), (start, edits, events) => {
        const model = new IncrementalModel(0, { eventsAbove: events ? 0 : Infinity });
        let text = start;
        model.build(uri, text);
        edits.forEach(([at, length, insert], i) => {
          const previous = text;
          text = applyEdit(previous, [at, length, insert]);
          const from = at % (previous.length + 1);
          const delta = text.length - previous.length;
          // Every third edit is described with the wrong length change: the texts are compared instead.
          const change = { from, to: from + insert.length, delta: i % 3 === 2 ? delta + 1 : delta };
          assert.deepEqual(plain(model.build(uri, text, change)), plain(whole(text)));
        });
      }),
      { numRuns: runs(100), seed: fuzzSeed },
    );
  });

  it('parses again only the block an edit touches', () => {
    const text = readFixture('corpus/seed-1-system-integration.md');
    const model = new IncrementalModel(0);
    const steps = (next: string): number => {
      const run = model.update(uri, next);
      let parsed = 0;
      while (!run.next().done) parsed++;
      return parsed;
    };
    const blocks = steps(text);
    assert.equal(blocks, model.blockCount);
    const at = text.indexOf('XX月');
    assert.equal(steps(text.slice(0, at) + '12月' + text.slice(at + 3)), 1, 'a same-length change');
    assert.equal(steps(text.slice(0, at) + '2025年12月' + text.slice(at + 3)), 1, 'a change in length shifts the blocks after it');
    assert.equal(steps(text.slice(0, at) + '2025年12月' + text.slice(at + 3)), 0, 'the same text again');
  });

  it('lets a chapter before an edit run on when the edit demotes the heading that ended it', () => {
    const text = '# 报告\n\n## 第一章\n\n正文。\n\n## 第二章\n\n正文。\n\n## 第三章\n\n正文。\n';
    const model = new IncrementalModel(0);
    model.build(uri, text);
    const demoted = text.replace('## 第二章', '### 第二章');
    const built = model.build(uri, demoted);
    assert.deepEqual(plain(built), plain(whole(demoted)));
    assert.deepEqual(built.chapters[0]!.sections.map((s) => s.heading.text), ['第二章']);
  });

  it('gives moved headings the same properties, in the same order, as parsed ones, and shares paragraphs, list items and prose', () => {
    const text = readFixture('corpus/seed-1-system-integration.md');
    const model = new IncrementalModel(0);
    const parsed = model.build(uri, text);
    const moved = model.build(uri, `前言。\n\n${text}`);
    assert.deepEqual(Object.keys(moved.headings.at(-1)!), Object.keys(parsed.headings.at(-1)!));
    const withItems = parsed.blocks.findIndex((b) => b.listItems.length > 0);
    assert.ok(withItems >= 0);
    assert.equal(moved.blocks[withItems + 1]!.listItems, parsed.blocks[withItems]!.listItems);
    assert.equal(moved.blocks[withItems + 1]!.prose, parsed.blocks[withItems]!.prose);
    assert.equal(moved.blocks[withItems + 1]!.paragraphs, parsed.blocks[withItems]!.paragraphs);
    assert.equal(moved.headings.at(-1)!.start, parsed.headings.at(-1)!.start + '前言。\n\n'.length);
  });
});
