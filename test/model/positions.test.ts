import * as assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/model/positions';
import fc from 'fast-check';
import { changedRange } from '../../server/src/model/chunks';

const pos = (line: number, character: number) => ({ line, character });

/** Every offset of the text, as `line:character`, so a whole mapping is compared at once. */
function allPositions(index: LineIndex): string[] {
  const out: string[] = [];
  for (let o = 0; o <= index.text.length; o++) {
    const p = index.positionAt(o);
    out.push(`${p.line}:${p.character}`);
  }
  return out;
}

describe('LineIndex', () => {
  describe('with LF line ends', () => {
    const index = new LineIndex('ab\ncd\n');

    it('counts a line after the final line break', () => {
      assert.equal(index.lineCount, 3);
    });

    it('maps every offset to its line and column', () => {
      assert.deepEqual(allPositions(index), ['0:0', '0:1', '0:2', '1:0', '1:1', '1:2', '2:0']);
    });

    it('maps positions back to the same offsets', () => {
      for (let o = 0; o <= index.text.length; o++) assert.equal(index.offsetAt(index.positionAt(o)), o);
    });

    it('gives each line its text without the line break', () => {
      assert.deepEqual([0, 1, 2].map((l) => index.lineText(l)), ['ab', 'cd', '']);
    });
  });

  describe('with CRLF line ends', () => {
    const index = new LineIndex('ab\r\ncd\r\nef');

    it('counts CRLF as one line break', () => {
      assert.equal(index.lineCount, 3);
      assert.equal(index.lineStart(1), 4);
      assert.equal(index.lineEnd(0), 2);
    });

    it('never places a position between the CR and the LF', () => {
      assert.deepEqual(allPositions(index), ['0:0', '0:1', '0:2', '0:2', '1:0', '1:1', '1:2', '1:2', '2:0', '2:1', '2:2']);
    });

    it('clamps a column past the end of a line to just before its line break', () => {
      assert.equal(index.offsetAt(pos(0, 50)), 2);
      assert.equal(index.offsetAt(pos(1, 50)), 6);
    });

    it('keeps the line break out of the line text', () => {
      assert.deepEqual([0, 1, 2].map((l) => index.lineText(l)), ['ab', 'cd', 'ef']);
    });
  });

  describe('with lone CR line ends', () => {
    const index = new LineIndex('ab\rcd\r\nef\ngh');

    it('treats a lone CR as a line break, as LSP does', () => {
      assert.equal(index.lineCount, 4);
      assert.deepEqual(index.positionAt(3), pos(1, 0));
      assert.deepEqual([0, 1, 2, 3].map((l) => index.lineText(l)), ['ab', 'cd', 'ef', 'gh']);
    });

    it('round-trips positions on lines with mixed line ends', () => {
      for (const p of [pos(0, 1), pos(1, 2), pos(2, 0), pos(3, 2)]) {
        assert.deepEqual(index.positionAt(index.offsetAt(p)), p);
      }
    });
  });

  describe('with characters outside the Basic Multilingual Plane', () => {
    // "🔒" is two UTF-16 code units; LSP columns count code units, as JavaScript strings do.
    const text = 'a🔒b\n🔒🔒';
    const index = new LineIndex(text);

    it('counts an emoji as two columns', () => {
      assert.deepEqual(index.positionAt(3), pos(0, 3));
      assert.equal(index.offsetAt(pos(0, 3)), 3);
      assert.equal(text[index.offsetAt(pos(0, 3))], 'b');
    });

    it('never returns a position that splits a surrogate pair', () => {
      assert.deepEqual(index.positionAt(2), pos(0, 1));
      assert.deepEqual(index.positionAt(6), pos(1, 0));
      assert.deepEqual(index.positionAt(8), pos(1, 2));
    });

    it('only ever lands on a character boundary, whatever the offset', () => {
      for (let o = 0; o <= text.length; o++) {
        const at = index.offsetAt(index.positionAt(o));
        const code = text.charCodeAt(at);
        assert.ok(!(code >= 0xdc00 && code <= 0xdfff), `offset ${o} maps to ${at}, inside a surrogate pair`);
      }
    });
  });

  describe('with empty text', () => {
    const index = new LineIndex('');

    it('has one empty line', () => {
      assert.equal(index.lineCount, 1);
      assert.equal(index.lineText(0), '');
    });

    it('maps every offset and position to the start', () => {
      assert.deepEqual(index.positionAt(0), pos(0, 0));
      assert.deepEqual(index.positionAt(10), pos(0, 0));
      assert.equal(index.offsetAt(pos(3, 4)), 0);
      assert.equal(index.offsetAt(pos(0, 9)), 0);
    });
  });

  describe('out of range input', () => {
    const index = new LineIndex('one\ntwo');

    it('clamps an offset past the end to the end of the last line', () => {
      assert.deepEqual(index.positionAt(100), pos(1, 3));
    });

    it('clamps a negative offset to the start', () => {
      assert.deepEqual(index.positionAt(-5), pos(0, 0));
    });

    it('clamps a line past the end to the end of the text', () => {
      assert.equal(index.offsetAt(pos(9, 0)), 7);
    });

    it('clamps a negative line or column to the start of the line', () => {
      assert.equal(index.offsetAt(pos(-1, 2)), 0);
      assert.equal(index.offsetAt(pos(1, -3)), 4);
    });

    it('finds the line of an offset past the end', () => {
      assert.equal(index.lineAt(100), 1);
      assert.equal(index.lineAt(-1), 0);
    });
  });

  describe('range()', () => {
    const index = new LineIndex('first line\nsecond line');

    it('converts both ends of an offset span', () => {
      assert.deepEqual(index.range(6, 17), { start: pos(0, 6), end: pos(1, 6) });
    });

    it('collapses a span whose end is before its start onto the start', () => {
      assert.deepEqual(index.range(8, 3), { start: pos(0, 8), end: pos(0, 8) });
    });

    it('clamps a span that runs past the end', () => {
      assert.deepEqual(index.range(18, 500), { start: pos(1, 7), end: pos(1, 11) });
    });
  });
});

describe('LineIndex after an edit', () => {
  const lineStarts = (index: LineIndex) => Array.from({ length: index.lineCount }, (_, i) => index.lineStart(i));
  const piece = fc.constantFrom('\n', '\r', '\r\n', 'a', 'bc', ' ', '😀', '');

  it('equals an index of the edited text built from scratch', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(), fc.nat(4), fc.array(piece, { maxLength: 4 }), (parts, at, remove, inserted) => {
        const before = parts.join('');
        const start = at % (before.length + 1);
        const end = Math.min(before.length, start + remove);
        const after = before.slice(0, start) + inserted.join('') + before.slice(end);
        const { prefix, suffix } = changedRange(before, after);
        const edited = LineIndex.edited(new LineIndex(before), after, prefix, suffix);
        assert.deepEqual(lineStarts(edited), lineStarts(new LineIndex(after)), JSON.stringify({ before, after }));
        assert.deepEqual(allPositions(edited), allPositions(new LineIndex(after)));
      }),
      { numRuns: 3000, seed: 90210 },
    );
  });

  it('finds the shared start and end of two texts', () => {
    assert.deepEqual(changedRange('abcdef', 'abXdef'), { prefix: 2, suffix: 3 });
    assert.deepEqual(changedRange('aaaa', 'aaaaa'), { prefix: 4, suffix: 0 });
    assert.deepEqual(changedRange('', 'x'), { prefix: 0, suffix: 0 });
    assert.deepEqual(changedRange('same', 'same'), { prefix: 4, suffix: 0 });
  });
});
