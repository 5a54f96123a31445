import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { changeFits } from '../../server/src/core/parse/blocks.js';
import { createTrackedDocuments } from '../../server/src/textChanges.js';
import { fuzzSeed, runs, seeds } from '../util/documents.js';
import { changeEvents, editBatch } from '../util/textEdits.js';

describe('edits tracked per document', function () {
  this.timeout(60_000);

  it('says where the text differs from each earlier version still remembered, through batches of edits', () => {
    let described = 0;
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(editBatch, { minLength: 1, maxLength: 80 }), (start, batches) => {
        const tracked = createTrackedDocuments();
        let document = tracked.create('file:///a.md', 'markdown', 1, start);
        const texts = new Map<number, string>([[1, start]]);
        let replacedAt = 0;
        batches.forEach((edits, i) => {
          const version = i + 2;
          if (edits.length === 0 || edits.some((e) => e.whole)) replacedAt = version;
          document = tracked.update(document, changeEvents(document.getText(), edits), version);
          const text = document.getText();
          texts.set(version, text);
          for (const [earlier, old] of texts) {
            if (earlier === version) continue;
            const change = tracked.changedSince(document, earlier);
            const knowable = earlier >= replacedAt && version - earlier <= 64;
            assert.equal(change !== undefined, knowable, `version ${earlier} from ${version}`);
            if (!change) continue;
            described++;
            assert.ok(changeFits(change, old, text), JSON.stringify(change));
            assert.equal(text.slice(0, change.from), old.slice(0, change.from));
            assert.equal(text.slice(change.to), old.slice(change.to - change.delta));
          }
        });
      }),
      { numRuns: runs(60), seed: fuzzSeed },
    );
    assert.ok(described > 500, `${described} changes described`);
  });

  it('knows nothing of a document it did not create', () => {
    const tracked = createTrackedDocuments();
    assert.equal(tracked.changedSince(TextDocument.create('file:///b.md', 'markdown', 1, 'x'), 0), undefined);
  });
});
