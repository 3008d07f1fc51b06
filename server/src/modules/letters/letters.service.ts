import { createHash } from 'node:crypto';
import {
  CLOSING_OUTCOME_LABELS,
  dayAndTimeNl,
  dutchDay,
  longDateNl,
  DEFAULT_LETTER_TEMPLATES,
  LETTER_KIND_LABELS,
  LETTER_KINDS,
  describeMissing,
  mergeTemplate,
  openPlaceholders,
  SAMPLE_MERGE_VALUES,
  type LetterKind,
  type LetterPreview,
  type LetterRequest,
  type LetterResult,
  type LetterTemplate,
  type LetterTemplateInput,
  type Letterhead,
  type LetterheadInput,
  type MergeValues,
  type PrivacySettings,
  type PrivacySettingsInput,
  addressOneLine,
  INTAKE_MODE_LABELS,
  intakePlace,
  letterheadGaps,
  letterheadGapsMessage,
  missingAddressParts,
  postalLines,
} from '@herorientatie/domain';
import type { UserActor } from '../../context/actor.ts';
import { fileTypeFromBuffer } from 'file-type';
import { Conflict, NotFound, ValidationFailed } from '../../errors.ts';
import { AttachmentsRepository } from '../attachments/attachments.repository.ts';
import { AuditService } from '../audit/audit.service.ts';
import { CaseAccess } from '../cases/case-access.ts';
import { CaseJournal } from '../cases/case-journal.ts';
import { CaseLifecycleService } from '../cases/case-lifecycle.service.ts';
import { CasesRepository } from '../cases/cases.repository.ts';
import type { MailService } from '../mail/mail.service.ts';
import { intakeCalendar } from './intake-calendar.ts';
import { letterPdf } from './letter-pdf.ts';
import { LettersRepository, type LetterheadRow } from './letters.repository.ts';

const longDate = longDateNl;
const dayAndTime = dayAndTimeNl;

/**
 * Letters from templates: each municipality keeps its own text per kind of letter (the
 * built-in text until it writes one) and its letterhead; a caseworker previews a letter
 * with the case's values merged in, adjusts it if needed, and makes it: a PDF stored as a
 * document of the case, on the timeline, and optionally e-mailed through the outbox.
 */
export class LettersService {
  constructor(
    private readonly mail: MailService,
    private readonly repository = new LettersRepository(),
    private readonly access = new CaseAccess(),
    private readonly lifecycle = new CaseLifecycleService(),
    private readonly attachments = new AttachmentsRepository(),
    private readonly cases = new CasesRepository(),
    private readonly journal = new CaseJournal(),
    private readonly audit = new AuditService(),
  ) {}

  async templates(): Promise<LetterTemplate[]> {
    const stored = await this.repository.templates();
    return LETTER_KINDS.map((kind) => {
      const own = stored.find((t) => t.kind === kind);
      return own
        ? { ...own, isDefault: false }
        : {
            kind,
            ...DEFAULT_LETTER_TEMPLATES[kind],
            isDefault: true,
            updatedAt: null,
            updatedBy: null,
          };
    });
  }

  /** A template as it would print, on the municipality's letterhead, with made-up values. */
  async templatePreview(input: LetterTemplateInput) {
    const letterhead = await this.repository.letterhead();
    const values = { ...SAMPLE_MERGE_VALUES, gemeente: letterhead.municipality };
    const content = await letterPdf({
      letterhead,
      recipient: {
        name: values.naam,
        businessName: values.bedrijfsnaam,
        address: {
          street: 'Voorbeeldstraat',
          houseNumber: '1',
          postcode: '6601 AB',
          town: 'Wijchen',
        },
      },
      reference: values.dossiernummer,
      dateText: longDate(new Date()),
      subject: mergeTemplate(input.subject, values).text,
      body: mergeTemplate(input.body, values).text,
    });
    return { filename: 'voorbeeld-sjabloon.pdf', content };
  }

  async saveTemplate(
    actor: UserActor,
    kind: LetterKind,
    input: LetterTemplateInput,
  ): Promise<LetterTemplate> {
    await this.repository.saveTemplate(kind, input, actor.user.id);
    await this.audit.record({ action: 'update', objectType: 'letter-template', objectId: kind });
    return (await this.templates()).find((t) => t.kind === kind)!;
  }

  async letterhead(): Promise<Letterhead> {
    const { logo, logoType: _type, ...h } = await this.repository.letterhead();
    return { ...h, hasLogo: logo !== null, missing: letterheadGaps(h) };
  }

  async logo(): Promise<{ content: Buffer; contentType: string; filename: string }> {
    const h = await this.repository.letterhead();
    if (!h.logo || !h.logoType) throw new NotFound('Het logo');
    return {
      content: h.logo,
      contentType: h.logoType,
      filename: `logo.${h.logoType === 'image/png' ? 'png' : 'jpg'}`,
    };
  }

  async saveLetterhead(actor: UserActor, input: LetterheadInput): Promise<Letterhead> {
    await this.repository.saveLetterhead(input, actor.user.id);
    await this.audit.record({ action: 'update', objectType: 'letterhead', objectId: null });
    return this.letterhead();
  }

  /** A PNG or JPEG logo (checked by its bytes, not its name), at most 512 kB. */
  async saveLogo(actor: UserActor, content: Buffer | null): Promise<Letterhead> {
    let logo: { content: Buffer; type: string } | null = null;
    if (content) {
      const type = await fileTypeFromBuffer(content);
      if (!type || !['image/png', 'image/jpeg'].includes(type.mime)) {
        throw new ValidationFailed([
          { name: 'logo', code: 'type', reason: 'Het logo moet een PNG- of JPEG-afbeelding zijn.' },
        ]);
      }
      if (content.length > 512 * 1024) {
        throw new ValidationFailed([
          { name: 'logo', code: 'size', reason: 'Het logo mag hoogstens 512 kB zijn.' },
        ]);
      }
      logo = { content, type: type.mime };
    }
    if (!(await this.repository.saveLogo(logo, actor.user.id))) {
      throw new Conflict(
        'Sla eerst het briefhoofd op (met de ondertekenaar); voeg daarna het logo toe.',
      );
    }
    await this.audit.record({ action: 'update', objectType: 'letterhead-logo', objectId: null });
    return this.letterhead();
  }

  async privacySettings(): Promise<PrivacySettings> {
    const stored = await this.repository.privacySettings();
    if (!stored) return { configured: false, updatedAt: null };
    const { updatedAt, ...rest } = stored;
    const clean = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null));
    return { ...clean, configured: true, updatedAt };
  }

  async savePrivacySettings(actor: UserActor, input: PrivacySettingsInput) {
    await this.repository.savePrivacySettings(input, actor.user.id);
    await this.audit.record({ action: 'update', objectType: 'privacy-settings', objectId: null });
    return this.privacySettings();
  }

  /** The letterhead for a letter that leaves the building: refused while contact details lack. */
  async completeLetterhead(): Promise<LetterheadRow> {
    const h = await this.repository.letterhead();
    const gaps = letterheadGaps(h);
    if (gaps.length > 0) throw new Conflict(letterheadGapsMessage(gaps));
    return h;
  }

  /** The values of the merge fields for one case (and referral, for a referral letter). */
  private async values(actor: UserActor, caseId: string, referralId?: string) {
    const detail = await this.lifecycle.get(actor, caseId);
    const letterhead = await this.repository.letterhead();
    const e = detail.entrepreneur;
    const referral = referralId ? await this.repository.referral(caseId, referralId) : null;
    if (referralId && !referral) throw new NotFound('De verwijzing');
    const address = postalLines(e) ? addressOneLine(e) : '';
    const values: MergeValues = {
      naam: e.name,
      bedrijfsnaam: e.businessName,
      kvk: e.kvkNumber,
      adres: address || null,
      dossiernummer: detail.reference,
      datum: longDate(new Date()),
      gemeente: letterhead.municipality,
      consulent: detail.caseworkerName,
      adviseur: detail.advisorName,
      aanmelddatum: longDate(new Date(detail.registeredAt)),
      intake_datum: detail.intakeScheduledAt
        ? dayAndTime(new Date(detail.intakeScheduledAt))
        : null,
      intake_vorm: detail.intakeMode ? INTAKE_MODE_LABELS[detail.intakeMode].toLowerCase() : null,
      intake_plaats: intakePlace(detail),
      afsluitdatum: detail.closedAt ? longDate(new Date(detail.closedAt)) : null,
      uitkomst: detail.outcome ? CLOSING_OUTCOME_LABELS[detail.outcome] : null,
      partner: referral?.partner ?? null,
      verwijsdatum: referral ? longDate(new Date(referral.sentAt)) : null,
    };
    return { detail, letterhead, values, address };
  }

  private async templateOf(kind: LetterKind) {
    return (await this.repository.template(kind)) ?? DEFAULT_LETTER_TEMPLATES[kind];
  }

  async preview(
    actor: UserActor,
    caseId: string,
    kind: LetterKind,
    referralId?: string,
  ): Promise<LetterPreview> {
    const { detail, values, letterhead } = await this.values(actor, caseId, referralId);
    const template = await this.templateOf(kind);
    const subject = mergeTemplate(template.subject, values);
    const body = mergeTemplate(template.body, values);
    return {
      kind,
      subject: subject.text,
      body: body.text,
      template: template.body,
      missing: [...new Set([...subject.missing, ...body.missing])],
      recipientEmail: detail.entrepreneur.email ?? null,
      letterheadComplete: letterheadGaps(letterhead).length === 0,
      letterheadMissing: letterheadGaps(letterhead),
    };
  }

  /** The letter for this case as it would be made: merged texts, what is missing, the PDF. */
  private async compose(actor: UserActor, caseId: string, input: LetterRequest) {
    const { detail, letterhead, values } = await this.values(actor, caseId, input.referralId);
    const template = await this.templateOf(input.kind);
    const subject = mergeTemplate(template.subject, values);
    const body = mergeTemplate(input.body ?? template.body, values);
    // A text adjusted after the preview may still hold its gaps, as [intake_datum]: those
    // of fields this case has no value for (a business name with "[adres]" in it is no gap).
    const gaps = input.body
      ? openPlaceholders(input.body).filter((f) => !values[f] || !values[f]!.trim())
      : [];
    const missing = [...new Set([...subject.missing, ...body.missing, ...gaps])];
    const today = new Date();
    const content = await letterPdf({
      letterhead,
      recipient: {
        name: detail.entrepreneur.name,
        businessName: detail.entrepreneur.businessName,
        address: detail.entrepreneur,
      },
      reference: detail.reference,
      dateText: longDate(today),
      subject: subject.text,
      body: body.text,
    });
    return { detail, letterhead, subject, body, missing, content, today };
  }

  /** The PDF as it would be made, stored nowhere: to check layout and text first. */
  async previewPdf(actor: UserActor, caseId: string, input: LetterRequest) {
    await this.access.write(actor, caseId, { mustBeOpen: false });
    const { detail, content } = await this.compose(actor, caseId, input);
    await this.audit.record({ action: 'read', objectType: 'letter-preview', objectId: caseId });
    return {
      filename: `voorbeeld-${LETTER_KIND_LABELS[input.kind].toLowerCase().replace(/\s+/g, '-')}-${detail.reference}.pdf`,
      content,
    };
  }

  async create(actor: UserActor, caseId: string, input: LetterRequest): Promise<LetterResult> {
    await this.access.write(actor, caseId, { mustBeOpen: false });
    const { detail, letterhead, subject, body, missing, content, today } = await this.compose(
      actor,
      caseId,
      input,
    );
    const gaps = letterheadGaps(letterhead);
    if (gaps.length > 0) throw new Conflict(letterheadGapsMessage(gaps));
    if (missing.length > 0) {
      throw new Conflict(
        `De brief kan nog niet worden gemaakt. Er ontbreekt: ${describeMissing(missing)}.`,
      );
    }
    const email = detail.entrepreneur.email;
    if (!input.sendByEmail && !postalLines(detail.entrepreneur)) {
      throw new Conflict(
        `De brief kan niet per post: van de ondernemer ontbreekt ${missingAddressParts(detail.entrepreneur).join(', ')}. Vul het adres aan${email ? ', of verstuur de brief per e-mail' : ''}.`,
      );
    }
    if (input.sendByEmail && !email) {
      throw new Conflict(
        'Van deze ondernemer is geen e-mailadres bekend. Maak de brief zonder e-mail en verstuur hem per post.',
      );
    }
    const label = LETTER_KIND_LABELS[input.kind];
    const filename = `${label.toLowerCase().replace(/\s+/g, '-')}-${detail.reference}-${dutchDay(today)}.pdf`;
    const attachmentId = await this.attachments.insert(
      caseId,
      {
        filename,
        contentType: 'application/pdf',
        content,
        sha256: createHash('sha256').update(content).digest('hex'),
        documentType: 'letter',
        description: subject.text.slice(0, 300),
      },
      actor.user.id,
    );
    await this.cases.touch(caseId);
    if (input.sendByEmail) {
      await this.mail.enqueue(
        {
          purpose: `letter-${input.kind}`,
          to: email!,
          subject: subject.text,
          text: emailText(body.text, letterhead),
          attachmentId,
          replyTo: letterhead.email,
          calendar: input.kind === 'intake-invitation' ? intakeCalendar(detail, letterhead) : null,
        },
        { municipalityId: actor.user.municipalityId, regionId: actor.user.regionId },
      );
    }
    await this.journal.event(
      actor,
      caseId,
      'letter',
      `${label} gemaakt${input.sendByEmail ? ` en per e-mail verstuurd naar ${email}` : ''}`,
      { attachmentId, kind: input.kind },
    );
    await this.audit.record({
      action: 'create',
      objectType: 'letter',
      objectId: attachmentId,
      reason: input.kind,
    });
    return { attachmentId, filename, emailed: input.sendByEmail };
  }
}

function emailText(body: string, h: LetterheadRow): string {
  return [
    body,
    'De brief staat ook in de bijlage (PDF).',
    [
      'Met vriendelijke groet,',
      '',
      h.signatoryName ?? 'Team Heroriëntatie',
      h.signatoryTitle,
      `Gemeente ${h.municipality}`,
      h.phone ? `Telefoon ${h.phone}` : null,
      h.email ? `E-mail ${h.email}` : null,
      h.website,
    ]
      .filter((l) => l !== null && l !== undefined)
      .join('\n'),
  ].join('\n\n');
}
