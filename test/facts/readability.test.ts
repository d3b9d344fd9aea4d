import * as assert from 'node:assert/strict';
import { readabilityOf, sectionReadability } from '../../server/src/facts/readability';
import { caseMemory, sentenceCase } from '../../server/src/facts/casing';
import { lines, makeDoc } from '../support/doc';

describe('readability', () => {
  it('computes the Flesch–Kincaid grade from words, sentences and counted syllables', () => {
    const r = readabilityOf(['The cat sat on the mat.', 'It was happy.']);
    assert.deepEqual([r.words, r.sentences, r.syllables], [9, 2, 10]);
    assert.equal(r.grade, Math.round((0.39 * 4.5 + 11.8 * (10 / 9) - 15.59) * 10) / 10);
  });

  it('grades long words and long sentences higher than short ones', () => {
    const hard = readabilityOf(['Notwithstanding organisational considerations, comprehensive interoperability documentation necessitates supplementary technological safeguards.']);
    const easy = readabilityOf(['We keep your name.', 'We do not sell it.']);
    assert.ok(hard.grade > 20 && easy.grade < 3, `${hard.grade} ${easy.grade}`);
  });

  it('grades each section on its own prose, subsections apart', () => {
    const doc = makeDoc(lines('## Top', '', 'We keep your name.', '', '### Sub', '', 'Notwithstanding organisational considerations, documentation necessitates safeguards.'));
    const [top, sub] = doc.allSections;
    const grades = sectionReadability(doc);
    assert.equal(grades.get(top)?.words, 4);
    assert.equal(grades.get(sub)?.words, 6);
  });
});

describe('sentence case', () => {
  it('keeps the names, defined terms and abbreviations the document capitalises elsewhere', () => {
    const doc = makeDoc(lines('Harbourlight Books (“Harbourlight”) keeps Personal Information in California under the CCPA, and the Personal Information stays there.', '', 'BY USING HARBOURLIGHT YOU AGREE THAT PERSONAL INFORMATION IS KEPT IN CALIFORNIA. SEE THE CCPA.'));
    assert.equal(sentenceCase('BY USING HARBOURLIGHT YOU AGREE THAT PERSONAL INFORMATION IS KEPT IN CALIFORNIA. SEE THE CCPA.', caseMemory(doc)), 'By using Harbourlight you agree that Personal Information is kept in California. See the CCPA.');
  });
});
