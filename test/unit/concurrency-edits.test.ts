/** The edit view's refused save: which typed values a new save sends, and how they go onto the current version. */
import { applyEdits, toApiData } from '../../cms/src/admin/concurrency/edits';

describe('applyEdits: the typed edits on top of the current version', () => {
  const loaded = { description: 'Gammel tekst', citizenName: 'Karen Jensen', channel: 'phone', center: { connect: [], disconnect: [] } };
  test.each([
    [
      'an untouched field takes the current value',
      { ...loaded, citizenName: 'Karen B. Jensen' },
      { description: 'Ny tekst fra den anden fane' },
      { description: 'Ny tekst fra den anden fane', citizenName: 'Karen B. Jensen' },
    ],
    ['a typed field wins over the current value', { ...loaded, channel: 'letter' }, { channel: 'meeting' }, { channel: 'letter' }],
    ['a field emptied in the form stays emptied', { ...loaded, citizenName: '' }, {}, { citizenName: '' }],
    [
      'a relation changed in the form is sent as changed',
      { ...loaded, center: { connect: [{ documentId: 'c2' }], disconnect: [] } },
      {},
      { center: { connect: [{ documentId: 'c2' }], disconnect: [] } },
    ],
    ['nothing typed: the current version as it is', { ...loaded }, { description: 'Ny' }, { description: 'Ny' }],
  ])('%s', (_name, typed, changed, expected) => {
    const current = { ...loaded, ...changed };
    expect(applyEdits(current, loaded, typed)).toEqual({ ...current, ...expected });
  });
});

test('toApiData sends a relation choice as its API data, everything else as typed', () => {
  expect(
    toApiData({
      title: 'Sag',
      center: { connect: [{ id: 3, label: 'Center', apiData: { documentId: 'c3', position: { end: true } } }], disconnect: [] },
      tags: ['a', { apiData: 1 }],
      empty: null,
    }),
  ).toEqual({ title: 'Sag', center: { connect: [{ documentId: 'c3', position: { end: true } }], disconnect: [] }, tags: ['a', 1], empty: null });
});
