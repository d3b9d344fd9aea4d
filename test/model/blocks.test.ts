import * as assert from 'node:assert/strict';
import { lines, makeDoc } from '../support/doc';
import { renderBlocks, renderSentences } from '../support/render';
import type { PolicyDocument } from '../../server/src/model/policyDocument';

/** Every block's masked text lines up with the document: same length, and prose characters unchanged. */
function assertAligned(doc: PolicyDocument): void {
  for (const b of doc.blocks) {
    assert.equal(b.text.length, b.end - b.start, `block at ${b.start} has text of the wrong length`);
    for (let i = 0; i < b.text.length; i++) {
      if (b.text[i] !== ' ') assert.equal(b.text[i], doc.text[b.start + i], `block at ${b.start}, index ${i}`);
    }
  }
}

describe('prose blocks', () => {
  describe('masked text', () => {
    const text = lines(
      '# Privacy **Notice**',
      '',
      'Set `analytics=false` in <span>your</span> settings, or see https://example.com/privacy for *more*.',
      'Read [our cookie page](https://example.com/cookies) or mail <privacy@example.com> too.',
      '',
      '- First **item** of the list',
      '',
      '> A quoted line.',
      '',
      '```',
      'code is not prose',
      '```',
      '',
      '| Data | Kept for |',
      '|---|---|',
      '| Name | One year |',
    );
    const doc = makeDoc(text);

    it('keeps offsets: each block is as long as its span and prose maps to the same character', () => {
      assertAligned(doc);
    });

    it('blanks inline code, HTML, bare URLs, email addresses and link destinations', () => {
      const para = doc.blocks.find((b) => b.text.startsWith('Set'));
      assert.ok(para);
      assert.equal(
        para.text,
        [
          'Set                   in       your        settings, or see                             for  more .',
          'Read  our cookie page                               or mail                       too.',
        ].join('\n'),
      );
    });

    it('gives each kind of block its kind and leaves code blocks out', () => {
      assert.deepEqual(renderBlocks(doc), [
        'heading L1: Privacy   Notice',
        'paragraph L3: Set                   in       your        settings, or see                             for  more .⏎Read  our cookie page                               or mail                       too.',
        'list-item L6: First   item   of the list',
        'blockquote L8: A quoted line.',
        'table-cell L14: Data',
        'table-cell L14: Kept for',
        'table-cell L16: Name',
        'table-cell L16: One year',
      ]);
    });

    it('keeps offsets with CRLF line ends', () => {
      const crlf = makeDoc(['# Notice', '', 'We keep `logs` for **thirty** days.', 'Then we delete them.'].join('\r\n'));
      assertAligned(crlf);
      const para = crlf.blocks[1];
      assert.equal(crlf.text.slice(para.start, para.end), 'We keep `logs` for **thirty** days.\r\nThen we delete them.');
    });
  });

  describe('pasted paragraphs', () => {
    it('split headings out of a paragraph that holds several lines', () => {
      const doc = makeDoc(
        lines(
          'Privacy Notice',
          'This notice explains how Example Ltd handles personal data.',
          'How we use cookies',
          'We set a small number of cookies to keep you signed in.',
          'We never sell your data.',
        ),
      );
      assertAligned(doc);
      assert.deepEqual(renderBlocks(doc), [
        'heading L1: Privacy Notice',
        'paragraph L2: This notice explains how Example Ltd handles personal data.',
        'heading L3: How we use cookies',
        'paragraph L4: We set a small number of cookies to keep you signed in.⏎We never sell your data.',
      ]);
    });

    it('make a numbered heading read as a list item a heading block', () => {
      const doc = makeDoc(lines('# Notice', '', '1. WHAT WE COLLECT', '', 'Your name and email address.'));
      assert.deepEqual(renderBlocks(doc), ['heading L1: Notice', 'heading L3: WHAT WE COLLECT', 'paragraph L5: Your name and email address.']);
    });
  });

  describe('sentences', () => {
    const sentences = (...text: string[]) => renderSentences(makeDoc(lines(...text))).slice(1);

    it('do not end at "e.g.", "Inc." or "Art."', () => {
      assert.deepEqual(
        sentences(
          '# Notice',
          '',
          'We use processors, e.g. hosting and payment firms. Example Inc. acts as our agent. We rely on Art. 6(1)(f) GDPR for analytics.',
        ),
        ['We use processors, e.g. hosting and payment firms.', 'Example Inc. acts as our agent.', 'We rely on Art. 6(1)(f) GDPR for analytics.'],
      );
    });

    it('do not end at a section number such as "1.1."', () => {
      assert.deepEqual(sentences('# Notice', '', 'See section 1.1. for the details. Ask us if anything is unclear? We will help!'), [
        'See section 1.1. for the details.',
        'Ask us if anything is unclear?',
        'We will help!',
      ]);
    });

    it('end after a closing quotation mark or bracket', () => {
      assert.deepEqual(sentences('# Notice', '', 'We call this the "Service." You accept it (as the law allows.) Then we start.'), [
        'We call this the "Service."',
        'You accept it (as the law allows.)',
        'Then we start.',
      ]);
    });

    it('cover the document offsets of their text', () => {
      const doc = makeDoc(lines('# Notice', '', 'We keep **logs**. We delete them.'));
      const para = doc.blocks[1];
      assert.deepEqual(
        para.sentences.map((s) => doc.text.slice(s.start, s.end)),
        ['We keep **logs**.', 'We delete them.'],
      );
    });
  });

  describe('comments', () => {
    const text = lines(
      '# Notice',
      '',
      '<!-- policywright-disable doubled-word -- quoted from the contract -->',
      '',
      'We keep your data.',
      '',
      '<!--',
      '  a note for the reviewer',
      '-->',
      '',
      '```',
      '<!-- inside code: not a comment -->',
      '```',
    );
    const doc = makeDoc(text);

    it('are collected with their trimmed body and span', () => {
      assert.deepEqual(
        doc.comments.map((c) => c.body),
        ['policywright-disable doubled-word -- quoted from the contract', 'a note for the reviewer'],
      );
      for (const c of doc.comments) {
        assert.ok(text.slice(c.start, c.end).startsWith('<!--'));
        assert.ok(text.slice(c.start, c.end).endsWith('-->'));
      }
    });

    it('are not prose', () => {
      assert.ok(doc.blocks.every((b) => !b.text.includes('policywright') && !b.text.includes('reviewer')));
    });
  });
});
