import * as assert from 'node:assert/strict';
import { lines, makeDoc } from '../support/doc';
import { renderHeadings, renderOutline } from '../support/render';

const outline = (...text: string[]) => renderOutline(makeDoc(lines(...text)));
const headings = (...text: string[]) => renderHeadings(makeDoc(lines(...text)));

describe('heading detection', () => {
  describe('Markdown headings', () => {
    it('reads ATX headings with their levels', () => {
      assert.deepEqual(
        outline('# Privacy Notice', '', 'Who this notice is for.', '', '## What we collect', '', 'Your name.', '', '### Device data', '', 'Your browser type.', '', '## Your rights', '', 'You may ask for a copy.'),
        [
          '# Privacy Notice [L1-L15] (atx)',
          '  ## What we collect [L5-L11] (atx)',
          '    ### Device data [L9-L11] (atx)',
          '  ## Your rights [L13-L15] (atx)',
        ],
      );
    });

    it('reads setext headings with their levels', () => {
      assert.deepEqual(outline('Privacy Notice', '==============', '', 'Who this notice is for.', '', 'Your rights', '-----------', '', 'You may ask for a copy.'), [
        '# Privacy Notice [L1-L9] (setext)',
        '  ## Your rights [L6-L9] (setext)',
      ]);
    });

    it('takes the title of a heading wrapped in bold without the asterisks', () => {
      const doc = makeDoc(lines('# Privacy Notice', '', '## **Security**', '', 'We encrypt stored data.'));
      assert.deepEqual(renderHeadings(doc), ['# Privacy Notice (atx)', '## Security (atx)']);
    });

    it('splits a number off the title of a Markdown heading', () => {
      assert.deepEqual(headings('## 4. Cookies', '', 'We set two cookies.'), ['## 4. Cookies (atx)']);
    });
  });

  describe('plain-line headings in pasted drafts', () => {
    it('finds a short line standing alone before prose, with blank lines between paragraphs', () => {
      assert.deepEqual(
        outline(
          'Privacy Notice',
          '',
          'This notice explains how Example Ltd handles personal data.',
          '',
          'How we use cookies',
          '',
          'We set a small number of cookies to keep you signed in.',
          '',
          'Keeping your data safe',
          '',
          'Access to our systems is limited to staff who need it.',
        ),
        [
          '# Privacy Notice [L1-L11] (plain-line)',
          '  ## How we use cookies [L5-L7] (plain-line)',
          '  ## Keeping your data safe [L9-L11] (plain-line)',
        ],
      );
    });

    it('finds the same headings when every line is its own paragraph, as pasted from Word', () => {
      assert.deepEqual(
        outline(
          'Privacy Notice',
          'This notice explains how Example Ltd handles personal data.',
          'How we use cookies',
          'We set a small number of cookies to keep you signed in.',
          'Keeping your data safe',
          'Access to our systems is limited to staff who need it.',
        ),
        [
          '# Privacy Notice [L1-L6] (plain-line)',
          '  ## How we use cookies [L3-L4] (plain-line)',
          '  ## Keeping your data safe [L5-L6] (plain-line)',
        ],
      );
    });

    it('places a plain-line heading under a Markdown title', () => {
      assert.deepEqual(headings('# Privacy Notice', '', 'How we use cookies', '', 'We set a session cookie while you are signed in.'), [
        '# Privacy Notice (atx)',
        '## How we use cookies (plain-line)',
      ]);
    });
  });

  describe('numbered headings', () => {
    it('reads upper-case numbered lines that CommonMark takes for list items as headings', () => {
      const doc = makeDoc(
        lines('Privacy Notice', '', '1. WHAT WE COLLECT', '', 'We collect the details you type into our forms.', '', '2. HOW LONG WE KEEP IT', '', 'We keep account records for six years.'),
      );
      assert.deepEqual(renderOutline(doc), [
        '# Privacy Notice [L1-L9] (plain-line)',
        '  ## 1. WHAT WE COLLECT [L3-L5] (numbered)',
        '  ## 2. HOW LONG WE KEEP IT [L7-L9] (numbered)',
      ]);
      assert.deepEqual(
        doc.headings.map((h) => h.number),
        [undefined, '1', '2'],
      );
    });

    it('nests "1.1." sub-headings one level under their numbered section', () => {
      assert.deepEqual(
        outline(
          '# Privacy Notice',
          '',
          '1. WHAT WE COLLECT',
          '',
          'We collect the details you type into our forms.',
          '',
          '1.1. Details you give us',
          '',
          'Your name and email address.',
          '',
          '1.2. Details from your device',
          '',
          'Your browser type and screen size.',
          '',
          '2. HOW LONG WE KEEP IT',
          '',
          'We keep account records for six years.',
        ),
        [
          '# Privacy Notice [L1-L17] (atx)',
          '  ## 1. WHAT WE COLLECT [L3-L13] (numbered)',
          '    ### 1.1. Details you give us [L7-L9] (numbered)',
          '    ### 1.2. Details from your device [L11-L13] (numbered)',
          '  ## 2. HOW LONG WE KEEP IT [L15-L17] (numbered)',
        ],
      );
    });

    it('reads a lone title-case numbered line before prose as a heading', () => {
      assert.deepEqual(headings('# Privacy Notice', '', '3. Your Rights', '', 'You may ask for a copy of your data at any time.'), [
        '# Privacy Notice (atx)',
        '## 3. Your Rights (numbered)',
      ]);
    });
  });

  describe('bold-only paragraphs', () => {
    it('reads a paragraph that is only bold text as a heading', () => {
      assert.deepEqual(
        outline('# Privacy Notice', '', '**Who we are**', '', 'Example Ltd runs the booking service.', '', '**How to reach us:**', '', 'Write to the privacy team.'),
        ['# Privacy Notice [L1-L9] (atx)', '  ## Who we are [L3-L5] (bold)', '  ## How to reach us [L7-L9] (bold)'],
      );
    });

    it('does not read a bold sentence as a heading', () => {
      assert.deepEqual(headings('# Privacy Notice', '', '**Please read this notice carefully.**', '', 'Example Ltd runs the booking service.'), ['# Privacy Notice (atx)']);
    });
  });

  describe('lines that are not headings', () => {
    it('ignores the lines of a hard-wrapped paragraph', () => {
      assert.deepEqual(
        headings(
          'Privacy Notice',
          '',
          'You can change what we send you at any time from the page called Marketing',
          'Preferences in your account, or by writing to the address at the end of this',
          'Notice. We act on every request within five working days of receiving it.',
        ),
        ['# Privacy Notice (plain-line)'],
      );
    });

    it('ignores a title-case line in the middle of a wrapped sentence', () => {
      assert.deepEqual(
        headings(
          '# Privacy Notice',
          '',
          'When you sign up we ask for your name, your email address and a password. We',
          'Also Record The Date',
          'of your first order so that we can work out how long to keep your account.',
        ),
        ['# Privacy Notice (atx)'],
      );
    });

    it('ignores the lines of an address block', () => {
      assert.deepEqual(
        headings('# Privacy Notice', '', 'Write to us at the address below.', '', 'Example Ltd', '1 High Street', 'London', '', 'We answer within one month.'),
        ['# Privacy Notice (atx)'],
      );
    });

    it('ignores an address block in a draft pasted from Word', () => {
      assert.deepEqual(
        headings(
          'Privacy Notice',
          'This notice explains how Example Ltd handles personal data.',
          'Contact us',
          'Write to us at the address below.',
          'Example Ltd',
          '1 High Street',
          'London',
          'We answer within one month.',
        ),
        ['# Privacy Notice (plain-line)', '## Contact us (plain-line)'],
      );
    });

    it('ignores a short line ending with a colon', () => {
      assert.deepEqual(headings('# Privacy Notice', '', 'Cookies we set', '', 'A session cookie keeps you signed in.', '', 'Cookies we never set:', '', 'Advertising cookies of any kind.'), [
        '# Privacy Notice (atx)',
        '## Cookies we set (plain-line)',
      ]);
    });

    it('ignores a short sentence ending with a full stop', () => {
      assert.deepEqual(headings('# Privacy Notice', '', 'We keep your data safe.', '', 'Our staff are trained every year and every access is logged.'), ['# Privacy Notice (atx)']);
    });

    it('ignores a table of contents written as an ordered list in mixed case', () => {
      assert.deepEqual(
        headings('# Privacy Notice', '', '1. Who We Are', '2. What We Collect', '3. Your rights', '', 'Example Ltd runs the booking service and decides how your data is used.'),
        ['# Privacy Notice (atx)'],
      );
    });
  });
});
