import { expect } from 'chai';
import {
  clearAllDrafts,
  clearDraft,
  draftKey,
  hasDrafts,
  loadDraft,
  saveDraft,
  type DraftStorage,
} from '../forms/draft-store.ts';

/** sessionStorage's behaviour, in memory. */
function memoryStorage(): DraftStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get length() {
      return entries.size;
    },
    key: (index) => [...entries.keys()][index] ?? null,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, String(value)),
    removeItem: (key) => void entries.delete(key),
  };
}

describe('draft store', () => {
  const caseId = '6f1c2a8e-1f0e-4f7a-9d55-0c3a1e2b4d5f';

  it('keeps a draft per user, subject and form', () => {
    const storage = memoryStorage();
    const anne = draftKey('user-anne', caseId, 'contact');
    saveDraft(anne, { channel: 'phone', summary: 'Teruggebeld' }, storage);
    expect(loadDraft(anne, storage)).to.deep.equal({ channel: 'phone', summary: 'Teruggebeld' });
    // Another user, another case or another form on the same tab does not see it.
    expect(loadDraft(draftKey('user-bert', caseId, 'contact'), storage)).to.equal(null);
    expect(loadDraft(draftKey('user-anne', 'other-case', 'contact'), storage)).to.equal(null);
    expect(loadDraft(draftKey('user-anne', caseId, 'close'), storage)).to.equal(null);
  });

  it('is gone once the form is sent', () => {
    const storage = memoryStorage();
    const key = draftKey('u', caseId, 'withdraw');
    saveDraft(key, { reason: 'Geen behoefte meer' }, storage);
    clearDraft(key, storage);
    expect(loadDraft(key, storage)).to.equal(null);
    expect(hasDrafts(storage)).to.equal(false);
  });

  it('never keeps a BSN, however deep in the values', () => {
    const storage = memoryStorage();
    const key = draftKey('u', 'new', 'registration');
    saveDraft(key, { source: 'other', entrepreneur: { name: 'Sanne', bsn: '111222333' } }, storage);
    expect([...storage.entries.values()].join()).not.to.contain('111222333');
    expect(loadDraft(key, storage)).to.deep.equal({
      source: 'other',
      entrepreneur: { name: 'Sanne' },
    });
  });

  it('removes every draft on logout, and leaves other data of the tab alone', () => {
    const storage = memoryStorage();
    storage.setItem('herorientatie:logged-in', '1');
    saveDraft(draftKey('u', caseId, 'contact'), { summary: 'a' }, storage);
    saveDraft(draftKey('u', 'new', 'registration'), { source: 'other' }, storage);
    expect(hasDrafts(storage)).to.equal(true);
    clearAllDrafts(storage);
    expect(hasDrafts(storage)).to.equal(false);
    expect(storage.getItem('herorientatie:logged-in')).to.equal('1');
  });

  it('treats a damaged draft as none and cleans it up', () => {
    const storage = memoryStorage();
    const key = draftKey('u', caseId, 'contact');
    storage.setItem(key, '{not json');
    expect(loadDraft(key, storage)).to.equal(null);
    expect(storage.getItem(key)).to.equal(null);
    storage.setItem(key, JSON.stringify({ values: ['a list'] }));
    expect(loadDraft(key, storage)).to.equal(null);
  });

  it('works without storage, and when the storage is full', () => {
    const key = draftKey('u', caseId, 'contact');
    expect(() => saveDraft(key, { summary: 'a' }, undefined)).not.to.throw();
    expect(loadDraft(key, undefined)).to.equal(null);
    const full = memoryStorage();
    full.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(() => saveDraft(key, { summary: 'a' }, full)).not.to.throw();
  });
});
