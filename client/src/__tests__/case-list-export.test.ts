import { CaseExportQuerySchema } from '@herorientatie/domain';
import { expect } from 'chai';
import { exportUrl } from '../pages/CaseListPage.tsx';

describe('case list export link', () => {
  it('carries exactly the filters on screen, which the server accepts', () => {
    const url = exportUrl('xlsx', { q: 'bakker', status: 'intake_done', worklist: 'mine' });
    expect(url).to.equal('/api/v1/cases/export.xlsx?q=bakker&status=intake_done&worklist=mine');
    const query = Object.fromEntries(new URL(url, 'http://x').searchParams);
    expect(CaseExportQuerySchema.safeParse(query).success).to.equal(true);
  });

  it('has no query without filters', () => {
    expect(exportUrl('csv', {})).to.equal('/api/v1/cases/export.csv');
  });
});
