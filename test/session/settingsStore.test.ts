import * as assert from 'node:assert/strict';
import { SettingsStore } from '../../server/src/session/settingsStore';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

describe('settings store', () => {
  const URI = 'file:///w/privacy.md';
  const OTHER = 'file:///w/notice.md';

  function store(raw: unknown) {
    const asked: string[] = [];
    const told: string[] = [];
    const s = new SettingsStore(
      async (uri) => (asked.push(uri), raw),
      (p) => told.push(p),
    );
    return { s, asked, told };
  }

  it('asks the client once per document, even for requests at the same moment', async () => {
    const { s, asked } = store({ rules: { 'doubled-word': 'off' } });
    const [a, b] = await Promise.all([s.get(URI), s.get(URI)]);
    assert.equal(a, b);
    assert.equal(a.rules['doubled-word'], 'off');
    await s.get(OTHER);
    assert.deepEqual(asked, [URI, OTHER]);
  });

  it('tells a problem once, whatever the number of documents, and again after the configuration changes', async () => {
    const { s, told } = store({ rules: { 'no-such-rule': 'off' } });
    await s.get(URI);
    await s.get(OTHER);
    assert.equal(told.length, 1);
    assert.match(told[0], /unknown rule "no-such-rule"/);
    s.changed();
    await s.get(URI);
    assert.equal(told.length, 2);
  });

  it('asks again after a configuration change or a close, and counts the changes', async () => {
    const { s, asked } = store(undefined);
    assert.equal(await s.get(URI), DEFAULT_SETTINGS);
    const before = s.generation;
    s.changed();
    assert.equal(s.generation, before + 1);
    await s.get(URI);
    s.forget(URI);
    await s.get(URI);
    assert.deepEqual(asked, [URI, URI, URI]);
  });
});
