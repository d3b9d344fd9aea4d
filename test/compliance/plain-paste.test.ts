import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDoc } from '../support/doc';
import { runRules } from '../../server/src/rules/engine';
import { DEFAULT_DRAFTING } from '../../server/src/facts/options';
import { builtInLibrary } from '../../server/src/catalog/clauseLibrary';

// The complete fixture policy as a lawyer would paste it from a word processor: no front matter, no Markdown
// (headings are plain lines, bullets are "•", links are "text (address)"), and a contents list of the kind a word
// processor makes, each entry a title, a tab and a page number. Pasting changes nothing of substance, so the
// paste must raise no error and no warning either, with the jurisdictions declared or inferred from the text.
const FIXTURE = readFileSync(join(process.cwd(), 'test', 'fixtures', 'compliance', 'complete-eu-uk-us-ca.md'), 'utf8');
const TODAY = new Date(Date.UTC(2026, 10, 22));

function asPastedText(markdown: string): string {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const sections: string[] = [];
  const lines = body.split('\n').map((line) => {
    const heading = /^(#+)\s+(.*)$/.exec(line);
    if (heading) {
      if (heading[1].length === 2) sections.push(heading[2]);
      return heading[2];
    }
    return line.replace(/\*\*(.*?)\*\*/g, '$1').replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)').replace(/^- /, '• ');
  });
  const title = lines.findIndex((l) => l.trim() !== '');
  const contents = ['Contents', '', ...sections.map((s, i) => `${s}\t${i + 2}`), ''];
  return [...lines.slice(0, title + 1), '', ...contents, ...lines.slice(title + 1)].join('\n');
}

describe('the complete policy pasted as plain text, with a word-processor contents list', () => {
  const text = asPastedText(FIXTURE);

  it('is really a plain paste: no Markdown heading, and a contents entry with a tab and a page number', () => {
    assert.ok(!/^#/m.test(text));
    assert.match(text, /^Who we are\t\d+$/m);
  });

  for (const jurisdictions of [[], ['eu', 'uk', 'us-ca']]) {
    it(`raises no errors and no warnings (${jurisdictions.length ? `jurisdictions ${jurisdictions.join(', ')}` : 'jurisdictions inferred from the text'})`, () => {
      const doc = makeDoc(text, 'file:///paste/privacy-policy.txt');
      const options = { drafting: DEFAULT_DRAFTING, compliance: { jurisdictions }, library: builtInLibrary() };
      const serious = runRules(doc, { today: TODAY, options }).filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(serious.map((f) => `${doc.lines.lineAt(f.start) + 1} ${f.ruleId}: ${f.message}`), []);
    });
  }
});
