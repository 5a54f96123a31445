import * as assert from 'node:assert/strict';
import { LineIndex, localize } from '../../server/src/core/index.js';

/** Line starts found the plain way, all at once: what the lazy index must agree with. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

describe('LineIndex: counting lines only as far as asked', () => {
  const text = 'a\r\nbc\rd\n\n\r\r\nef\r';
  const starts = lineStarts(text);
  const expectedLine = (offset: number) => starts.filter((s) => s <= offset).length - 1;

  it('gives every offset the line a whole-text count gives, whatever the order of the questions', () => {
    const offsets = [...Array(text.length + 3).keys()].map((i) => i - 1);
    for (const order of [offsets, [...offsets].reverse(), [5, 2, 14, 0, 3, 9, 1, 12]]) {
      const index = new LineIndex(text);
      for (const offset of order) {
        const clamped = Math.max(0, Math.min(offset, text.length));
        // An offset inside a CRLF is the end of its line: no position lies inside a line break.
        const at = text[clamped - 1] === '\r' && text[clamped] === '\n' ? clamped - 1 : clamped;
        const line = expectedLine(at);
        assert.deepEqual(index.positionAt(offset), { line, character: at - starts[line]! }, `offset ${offset}`);
      }
    }
  });

  it('stops a count between CR and LF without splitting the line break', () => {
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(1), { line: 0, character: 1 });
    assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
    assert.equal(index.lineCount, starts.length);
  });

  it('finds line starts, ends and offsets of lines it has not reached yet', () => {
    for (let line = -1; line <= starts.length; line++) {
      const clamped = Math.max(0, Math.min(line, starts.length - 1));
      assert.equal(new LineIndex(text).lineStart(line), starts[clamped], `start of line ${line}`);
      assert.equal(new LineIndex(text).offsetAt({ line, character: 0 }), line < 0 ? 0 : line >= starts.length ? text.length : starts[line], `offset of line ${line}`);
    }
    assert.equal(new LineIndex(text).lineText(1), 'bc');
    assert.equal(new LineIndex(text).lineText(starts.length - 1), '');
    assert.equal(new LineIndex(text).lineEnd(0), 1);
  });
});

describe('localize: filling in templates', () => {
  it('gives the same message every time it is asked', () => {
    const first = localize('zh-cn', 'placeholder', { text: 'XX%' });
    assert.ok(first.includes('XX%'));
    assert.equal(localize('zh-cn', 'placeholder', { text: 'XX%' }), first);
    assert.equal(localize('en', 'placeholder', { text: 'TBD' }), localize('en', 'placeholder', { text: 'TBD' }));
  });

  it('leaves an argument the caller did not give as written, and a key without a message as the key', () => {
    assert.ok(localize('en', 'placeholder').includes('{text}'));
    assert.equal(localize('en', 'no.such.key {x}', { x: 1 }), 'no.such.key 1');
  });
});
