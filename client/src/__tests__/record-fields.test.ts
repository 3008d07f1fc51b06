import { expect } from 'chai';
import { recordRows } from '../pages/case/record-fields.ts';

describe('records as a caseworker reads them', () => {
  it('labels the fields of an intake and spells out its choices', () => {
    const rows = recordRows('intake', {
      date: '2026-11-02',
      mode: 'video',
      viability: 'viable_with_changes',
      bbzOptions: ['business_credit', 'income_support'],
      recommendedRoutes: [],
      findings: null,
    });
    expect(rows).to.deep.include(['Vorm', 'Videogesprek']);
    expect(rows).to.deep.include(['Levensvatbaarheid', 'Levensvatbaar met aanpassingen']);
    expect(rows).to.deep.include(['Bbz', 'Bbz-bedrijfskrediet, Bbz-inkomensondersteuning']);
    expect(rows).to.deep.include(['Aanbevolen routes', null]);
    expect(rows).to.deep.include(['Bevindingen', null]);
  });

  it('reads an earlier version stored with database column names', () => {
    const rows = recordRows('contact', {
      occurred_at: '2026-11-02T09:30:00+01:00',
      channel: 'phone',
      summary: 'Gebeld',
    });
    expect(rows.map(([label]) => label)).to.deep.equal(['Wanneer', 'Kanaal', 'Samenvatting']);
    expect(rows[0]![1]).to.match(/2026/);
    expect(rows[1]).to.deep.equal(['Kanaal', 'Telefoon']);
  });
});
