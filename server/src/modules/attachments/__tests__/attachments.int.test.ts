import { expect } from 'chai';
import type { CaseDetail } from '@herorientatie/domain';
import type { Agent } from '../../../../test/agent.ts';
import { useTestApp } from '../../../../test/app.ts';
import { registration } from '../../../../test/case-fixtures.ts';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('case documents', () => {
  const t = useTestApp({ logins: ['wijchen-caseworker', 'nijmegen-caseworker'] });
  let wijchen: Agent;
  let nijmegen: Agent;
  let caseId: string;

  before(async () => {
    wijchen = t.agent('wijchen-caseworker');
    nijmegen = t.agent('nijmegen-caseworker');
    caseId = (await wijchen.send('POST', '/api/v1/cases', registration())).json<CaseDetail>().id;
  });

  it('stores a PDF and an image, recognised by content, and returns them byte for byte', async () => {
    const pdf = await wijchen.upload(
      `/api/v1/cases/${caseId}/attachments`,
      'jaarcijfers 2020.pdf',
      PDF,
    );
    expect(pdf.status, pdf.text).to.equal(201);
    expect(pdf.json()).to.include({
      filename: 'jaarcijfers 2020.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    // A PNG with a misleading name is stored as what it is.
    // The name must match the content: an image called .docx is refused, as .png it is taken.
    const misnamed = await wijchen.upload(`/api/v1/cases/${caseId}/attachments`, 'foto.docx', PNG);
    expect(misnamed.status).to.equal(400);
    expect(
      misnamed.json<{ errors: { code: string; reason: string }[] }>().errors[0],
    ).to.deep.include({
      code: 'extension_mismatch',
    });
    const png = await wijchen.upload(`/api/v1/cases/${caseId}/attachments`, 'foto.png', PNG);
    expect(png.json<{ contentType: string }>().contentType).to.equal('image/png');

    const list = (await wijchen.get(`/api/v1/cases/${caseId}/attachments`)).json<
      { id: string }[]
    >();
    expect(list).to.have.length(2);
    const id = pdf.json<{ id: string }>().id;
    const download = await fetch(
      `${t.app.baseUrl}/api/v1/cases/${caseId}/attachments/${id}/content`,
      {
        headers: { cookie: await wijchen.jar.getCookieString(t.app.baseUrl) },
      },
    );
    expect(download.status).to.equal(200);
    expect(download.headers.get('content-type')).to.equal('application/pdf');
    expect(download.headers.get('content-disposition')).to.contain('attachment');
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).to.equal(true);
    const audit = await t.db.admin.query(
      `select action from audit_log where object_type = 'attachment' and object_id = $1`,
      [id],
    );
    expect(audit.rows.map((r) => r.action)).to.deep.equal(['create', 'read']);
    const timeline = (await wijchen.get(`/api/v1/cases/${caseId}/timeline`)).json<
      { type: string }[]
    >();
    expect(timeline.filter((e) => e.type === 'document_added')).to.have.length(2);
  });

  it('keeps a type and description, previews PDFs and images inline, and removes with a reason', async () => {
    const base = `/api/v1/cases/${caseId}/attachments`;
    const badType = await wijchen.upload(base, 'akkoord.pdf', PDF, 'application/pdf', {
      documentType: 'passport',
    });
    expect(badType.status).to.equal(400);
    expect(badType.text).to.contain('Kies het soort document.');
    const uploaded = await wijchen.upload(base, 'akkoord.pdf', PDF, 'application/pdf', {
      documentType: 'consent',
      description: 'Getekend formulier Leerwerkloket',
    });
    expect(uploaded.status, uploaded.text).to.equal(201);
    const doc = uploaded.json<{ id: string }>();
    expect(uploaded.json()).to.include({
      documentType: 'consent',
      description: 'Getekend formulier Leerwerkloket',
    });

    const inline = await wijchen.get(`${base}/${doc.id}/content?inline=true`);
    expect(inline.headers.get('content-disposition')).to.match(/^inline;/);
    expect(inline.headers.get('x-frame-options')).to.equal('SAMEORIGIN');
    const download = await wijchen.get(`${base}/${doc.id}/content`);
    expect(download.headers.get('content-disposition')).to.match(/^attachment;/);

    expect(
      (await wijchen.send('POST', `${base}/${doc.id}/removal`, { reason: '' })).status,
    ).to.equal(400);
    expect(
      (await nijmegen.send('POST', `${base}/${doc.id}/removal`, { reason: 'Weg ermee' })).status,
    ).to.equal(404);
    const removed = await wijchen.send('POST', `${base}/${doc.id}/removal`, {
      reason: 'Bij het verkeerde dossier gezet',
    });
    expect(removed.status).to.equal(204);
    expect((await wijchen.get(`${base}/${doc.id}/content`)).status).to.equal(404);
    expect((await wijchen.get(base)).json<{ id: string }[]>().map((d) => d.id)).to.not.include(
      doc.id,
    );
    const again = await wijchen.send('POST', `${base}/${doc.id}/removal`, { reason: 'Nog eens' });
    expect(again.status).to.equal(404);
    // The content is gone from the database; what it was and why it went stay.
    const row = await t.db.admin.query(
      `select content, filename, removed_reason from attachment where id = $1`,
      [doc.id],
    );
    expect(row.rows[0]).to.deep.equal({
      content: null,
      filename: 'akkoord.pdf',
      removed_reason: 'Bij het verkeerde dossier gezet',
    });
    const audit = await t.db.admin.query(
      `select reason from audit_log where object_type = 'attachment' and object_id = $1 and action = 'delete'`,
      [doc.id],
    );
    expect(audit.rows).to.deep.equal([{ reason: 'Bij het verkeerde dossier gezet' }]);
    const timeline = (await wijchen.get(`/api/v1/cases/${caseId}/timeline`)).json<
      { summary: string }[]
    >();
    expect(timeline.map((e) => e.summary)).to.include(
      'Document verwijderd: akkoord.pdf. Reden: Bij het verkeerde dossier gezet',
    );
    expect(timeline.map((e) => e.summary)).to.include(
      'Document toegevoegd: akkoord.pdf (toestemmingsformulier)',
    );
  });

  it('refuses a file whose content is not an allowed type, whatever its name', async () => {
    const result = await wijchen.upload(
      `/api/v1/cases/${caseId}/attachments`,
      'rapport.pdf',
      'dit is gewoon tekst',
    );
    expect(result.status).to.equal(400);
    expect(
      result.json<{ errors: { name: string; reason: string }[] }>().errors[0]!.reason,
    ).to.contain('Toegestaan: PDF');
  });

  it('refuses files over 10 MB with 413 and stores nothing', async () => {
    const before = (await t.db.admin.query('select count(*)::int as n from attachment')).rows[0].n;
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const result = await wijchen.upload(`/api/v1/cases/${caseId}/attachments`, 'groot.pdf', big);
    expect(result.status).to.equal(413);
    expect(result.json<{ detail: string }>().detail).to.equal('Het bestand is groter dan 10 MB.');
    expect(
      (await t.db.admin.query('select count(*)::int as n from attachment')).rows[0].n,
    ).to.equal(before);
  });

  it('asks for a file when none is sent', async () => {
    const result = await wijchen.request('POST', `/api/v1/cases/${caseId}/attachments`, {
      formData: new FormData(),
      headers: { 'x-csrf-token': wijchen.csrfToken! },
    });
    expect(result.status).to.equal(400);
  });

  it('hides documents from another municipality (404)', async () => {
    const [first] = (await wijchen.get(`/api/v1/cases/${caseId}/attachments`)).json<
      { id: string }[]
    >();
    expect((await nijmegen.get(`/api/v1/cases/${caseId}/attachments`)).status).to.equal(404);
    expect(
      (await nijmegen.get(`/api/v1/cases/${caseId}/attachments/${first!.id}/content`)).status,
    ).to.equal(404);
    expect(
      (await nijmegen.upload(`/api/v1/cases/${caseId}/attachments`, 'x.pdf', PDF)).status,
    ).to.equal(404);
  });

  it('links a perspective analysis to a report of the same case only', async () => {
    const [doc] = (await wijchen.get(`/api/v1/cases/${caseId}/attachments`)).json<
      { id: string }[]
    >();
    await wijchen.send('POST', `/api/v1/cases/${caseId}/intake`, {
      date: new Date().toISOString().slice(0, 10),
      mode: 'phone',
      viability: 'unclear',
      bbzOptions: ['none'],
    });
    const other = (await wijchen.send('POST', '/api/v1/cases', registration())).json<CaseDetail>();
    const wrong = await wijchen.send('POST', `/api/v1/cases/${other.id}/perspective-analyses`, {
      provider: 'X',
      date: '2026-01-01',
      conclusion: 'Y',
      reportAttachmentId: doc!.id,
    });
    expect(wrong.status).to.equal(409); // no intake yet in the other case
    const ok = await wijchen.send('POST', `/api/v1/cases/${caseId}/perspective-analyses`, {
      provider: 'Ondernemersklankbord',
      date: new Date().toISOString().slice(0, 10),
      conclusion: 'Perspectief als ondernemer met bijbaan',
      reportAttachmentId: doc!.id,
    });
    expect(ok.status, ok.text).to.equal(201);
    const unknown = await wijchen.send('POST', `/api/v1/cases/${caseId}/perspective-analyses`, {
      provider: 'X',
      date: '2026-01-01',
      conclusion: 'Y',
      reportAttachmentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).to.equal(400);
  });
});
