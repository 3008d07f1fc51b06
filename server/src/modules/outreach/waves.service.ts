import type { ResponseRatesSchema } from '@herorientatie/domain';
import {
  DEFAULT_RESPONSE_CHANNEL,
  dutchDay,
  formatDateNl,
  formatResponseCode,
  letterheadGaps,
  letterheadGapsMessage,
  type ResponseChannel,
} from '@herorientatie/domain';
import {
  type CaseDetail,
  type ResponseRates,
  type Wave,
  type WaveContact,
  type WaveInput,
} from '@herorientatie/domain';
import type { z } from 'zod';
import type { UserActor } from '../../context/actor.ts';
import { currentManager } from '../../db/unit-of-work.ts';
import { Conflict, InvalidTransition, NotFound, ValidationFailed } from '../../errors.ts';
import { AuditService } from '../audit/audit.service.ts';
import { CaseLifecycleService } from '../cases/case-lifecycle.service.ts';
import { EntrepreneursRepository } from '../entrepreneurs/entrepreneurs.repository.ts';
import type { MailService } from '../mail/mail.service.ts';
import { tableCsv } from '../../http/tabular.ts';
import { LettersRepository } from '../letters/letters.repository.ts';
import { DEFAULT_MESSAGE, lettersPdf, lettersTable, responseUrl } from './wave-letters.ts';
import { WavesRepository } from './waves.repository.ts';

/**
 * Waves of approach: recipients chosen by Tozo period, sector and earlier response; one
 * response per contact; response rates per wave and channel; a follow-up for everyone who
 * did not respond; letters to print, e-mails through the outbox; and "interested" turned
 * into a registered case with the wave as its source.
 */
export class WavesService {
  constructor(
    private readonly mail: MailService,
    private readonly publicUrl: string,
    private readonly waves = new WavesRepository(),
    private readonly letterheads = new LettersRepository(),
    private readonly cases = new CaseLifecycleService(),
    private readonly entrepreneurs = new EntrepreneursRepository(),
    private readonly audit = new AuditService(),
  ) {}

  private async load(id: string) {
    const wave = await this.waves.find(id);
    if (!wave) throw new NotFound('De benaderingsronde');
    return wave;
  }

  async get(id: string): Promise<Wave> {
    const { message: _message, ...wave } = await this.load(id);
    return wave;
  }

  list(): Promise<Wave[]> {
    return this.waves.list();
  }

  async create(actor: UserActor, input: WaveInput): Promise<Wave> {
    const id = await this.waves.create(input, actor.user.id);
    const count = await this.waves.addRecipientsByCriteria(id, input.criteria);
    if (count === 0) {
      throw new ValidationFailed([
        {
          name: 'criteria',
          code: 'no_recipients',
          reason:
            'Geen ontvangers voldoen aan deze keuzes. Kies ruimer, of lees eerst een lijst in.',
        },
      ]);
    }
    await this.audit.record({ action: 'create', objectType: 'outreach-wave', objectId: id });
    return this.load(id);
  }

  async followUp(actor: UserActor, id: string, input: Omit<WaveInput, 'criteria'>): Promise<Wave> {
    const parent = await this.load(id);
    const waveId = await this.waves.create(
      {
        ...input,
        criteria: { tozoPeriods: [], sbiPrefixes: [], notYetApproached: false, noResponse: true },
      },
      actor.user.id,
      parent.id,
    );
    const count = await this.waves.addNonResponders(waveId, parent.id);
    if (count === 0) {
      throw new Conflict(
        'Iedereen in deze ronde heeft gereageerd; een vervolgronde is niet nodig.',
      );
    }
    await this.audit.record({
      action: 'create',
      objectType: 'outreach-wave',
      objectId: waveId,
      reason: 'vervolgronde',
    });
    return this.load(waveId);
  }

  async contacts(id: string): Promise<WaveContact[]> {
    await this.load(id);
    const contacts = await this.waves.contacts(id);
    await this.audit.record({
      action: 'read',
      objectType: 'outreach-contact-list',
      objectId: id,
      objectIds: contacts.map((c) => c.id),
    });
    return contacts;
  }

  async recordResponse(
    actor: UserActor,
    id: string,
    contactId: string,
    input: {
      response: WaveContact['response'];
      note?: string;
      responseDate?: string;
      channel?: ResponseChannel;
    },
  ): Promise<WaveContact> {
    const contact = await this.waves.contact(id, contactId, true);
    if (!contact) throw new NotFound('Het contact');
    if (contact.caseId && input.response !== 'interested') {
      throw new InvalidTransition(
        'Van dit contact is al een dossier gemaakt; de reactie blijft "Heeft interesse".',
      );
    }
    const wave = await this.load(id);
    const on = {
      date: input.responseDate ?? dutchDay(),
      channel: input.channel ?? DEFAULT_RESPONSE_CHANNEL[wave.channel],
    };
    if (on.date < wave.plannedDate) {
      throw new ValidationFailed([
        {
          name: 'responseDate',
          code: 'before_wave',
          reason: `Een reactie kan niet eerder zijn dan de ronde zelf (${formatDateNl(wave.plannedDate)}).`,
        },
      ]);
    }
    await this.waves.recordResponse(
      contactId,
      input.response,
      input.note ?? null,
      actor.user.id,
      input.response === 'pending' ? null : on,
    );
    await this.audit.record({
      action: 'update',
      objectType: 'outreach-contact',
      objectId: contactId,
    });
    return (await this.waves.contact(id, contactId))!;
  }

  /** "Interested" becomes a registered case in one step, with the wave as its source. */
  async registerCase(actor: UserActor, id: string, contactId: string): Promise<CaseDetail> {
    const wave = await this.load(id);
    const contact = await this.waves.contact(id, contactId, true);
    if (!contact) throw new NotFound('Het contact');
    if (contact.response !== 'interested') {
      throw new InvalidTransition(
        'Alleen wie interesse heeft, wordt aangemeld. Leg eerst de reactie vast.',
      );
    }
    if (contact.caseId) throw new Conflict('Van dit contact is al een dossier gemaakt.');
    const r = await this.waves.recipient(contact.recipientId);
    const existing = await this.entrepreneurs.findDuplicate(
      r.kvk_number ?? undefined,
      r.bsn ?? undefined,
    );
    const registration = {
      source: 'tozo_outreach' as const,
      sourceDetail: wave.name.slice(0, 200),
      urgency: 'normal' as const,
      otherSupport: 'some' as const,
    };
    const detail = existing
      ? await this.cases.register(
          actor,
          { ...registration, entrepreneurId: await this.entrepreneurIdOf(r.kvk_number, r.bsn) },
          { outreachWaveId: id },
        )
      : await this.cases.register(
          actor,
          {
            ...registration,
            entrepreneur: {
              name: r.name ?? r.business_name ?? 'Onbekend',
              businessName: r.business_name ?? r.name ?? 'Onbekend',
              email: r.email ?? undefined,
              phone: r.phone ?? undefined,
              postcode: r.postcode ?? undefined,
              houseNumber: r.house_number ?? undefined,
              kvkNumber: r.kvk_number ?? undefined,
              bsn: r.bsn ?? undefined,
              sbiCode: r.sbi_code ?? undefined,
              legalForm: 'eenmanszaak',
              tozoPeriods: r.tozo_periods,
              partnerIncome: 'unknown',
            },
          },
          { outreachWaveId: id },
        );
    await this.waves.linkCase(contactId, detail.id);
    return detail;
  }

  private async entrepreneurIdOf(kvk: string | null, bsn: string | null): Promise<string> {
    const rows = await currentManager().query(
      `select id from entrepreneur where municipality_id = current_municipality_id()
          and (kvk_number = $1 or bsn = $2) limit 1`,
      [kvk, bsn],
    );
    return rows[0].id;
  }

  async letters(id: string, format: 'pdf' | 'csv') {
    const wave = await this.load(id);
    const recipients = await this.waves.letterRecipients(id);
    await this.audit.record({
      action: 'export',
      objectType: `outreach-letters-${format}`,
      objectId: id,
      objectIds: recipients.map((r) => r.contactId),
    });
    const basename = `brieven-${wave.name.replace(/[^\w-]+/g, '-').toLowerCase()}`;
    const filename = `${basename}.${format}`;
    if (format === 'csv') return tableCsv(lettersTable(recipients, this.publicUrl), basename);
    const letterhead = await this.letterheads.letterhead();
    const gaps = letterheadGaps(letterhead);
    if (gaps.length > 0) throw new Conflict(letterheadGapsMessage(gaps));
    const content = await lettersPdf(recipients, {
      letterhead,
      waveName: wave.name,
      message: wave.message,
      date: new Date(`${wave.plannedDate}T12:00:00Z`),
      publicUrl: this.publicUrl,
    });
    return { filename, contentType: 'application/pdf', content };
  }

  /** Queues the wave's e-mail to every recipient with an address who was not mailed yet. */
  async sendEmails(
    actor: UserActor,
    id: string,
  ): Promise<{ queued: number; withoutAddress: number }> {
    const wave = await this.load(id);
    if (wave.channel !== 'email') {
      throw new InvalidTransition(
        'Deze ronde gaat niet per e-mail. Kies bij een nieuwe ronde het kanaal e-mail.',
      );
    }
    const recipients = await this.waves.letterRecipients(id);
    const h = await this.letterheads.letterhead();
    const gaps = letterheadGaps(h);
    if (gaps.length > 0) throw new Conflict(letterheadGapsMessage(gaps));
    const toSend = recipients.filter((r) => r.email && !r.mailedAt);
    for (const r of toSend) {
      await this.mail.enqueue(
        {
          purpose: 'outreach-wave',
          to: r.email!,
          replyTo: h.email,
          subject: `Gemeente ${h.municipality}: hulp voor ondernemers na corona`,
          text: [
            `Beste ${r.name ?? 'ondernemer'},`,
            wave.message ?? DEFAULT_MESSAGE,
            `Reageren kan zo:\n- meld u aan via ${responseUrl(this.publicUrl, r.responseCode)}\n- uw persoonlijke code is ${formatResponseCode(r.responseCode)}\n- of bel ${h.phone}, of beantwoord deze e-mail.`,
            [
              'Met vriendelijke groet,',
              '',
              h.signatoryName,
              h.signatoryTitle,
              `Gemeente ${h.municipality}`,
              `Telefoon ${h.phone} · ${h.email} · ${h.website}`,
            ]
              .filter((l) => l !== null && l !== undefined)
              .join('\n'),
          ].join('\n\n'),
        },
        { municipalityId: actor.municipalityId, regionId: actor.regionId },
      );
    }
    await this.waves.markMailed(toSend.map((r) => r.contactId));
    return { queued: toSend.length, withoutAddress: recipients.filter((r) => !r.email).length };
  }

  async responseRates(): Promise<ResponseRates> {
    return {
      byChannel: await this.waves.byChannel(),
      byMonth: await this.waves.byResponseMonth(),
    } satisfies z.input<typeof ResponseRatesSchema>;
  }
}
