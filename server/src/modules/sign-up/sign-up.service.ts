import { randomBytes } from 'node:crypto';
import {
  assessSelfCheck,
  CONTACT_PROMISE_DAYS,
  defaultLegalBasis,
  dutchDay,
  formatResponseCode,
  IMMEDIATE_HELP,
  normaliseResponseCode,
  ONDERNEMERSPLEIN_URL,
  RESPONSE_CODE_ALPHABET,
  type MunicipalityFace,
  type PostcodeLookup,
  type PrivacyStatement,
  type PublicRegion,
  type SignUp,
  type SignUpAnswer,
} from '@herorientatie/domain';
import type { Logger } from 'pino';
import { actors } from '../../context/actor.ts';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { NotFound, ValidationFailed } from '../../errors.ts';
import { addWorkingDays } from '../../working-days.ts';
import { AuditService } from '../audit/audit.service.ts';
import { CampaignsRepository } from '../campaigns/campaigns.repository.ts';
import { CasesRepository } from '../cases/cases.repository.ts';
import { TimelineRepository } from '../cases/timeline.repository.ts';
import { EntrepreneursRepository } from '../entrepreneurs/entrepreneurs.repository.ts';
import { EntrepreneursService } from '../entrepreneurs/entrepreneurs.service.ts';
import type { MailService } from '../mail/mail.service.ts';
import { ManualAddressEntry, type AddressLookup } from '../addresses/address-lookup.ts';
import { LettersRepository, type LetterheadRow } from '../letters/letters.repository.ts';
import type { Municipality } from '../reference/municipality.entity.ts';
import type { ReferenceRepository } from '../reference/reference.repository.ts';
import { WavesRepository } from '../outreach/waves.repository.ts';

/** Eight characters without 0/O and 1/I, as AM-XXXX-XXXX: easy to read out on the phone. */
function newReceipt(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => RESPONSE_CODE_ALPHABET[b % 32]).join('');
  return `AM-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** The same answer whatever happened, so the page never tells whether someone is known. */
export function signUpMessage(promiseDays: number): string {
  return `Bedankt voor uw aanmelding. U krijgt een bevestiging per e-mail. Binnen ${promiseDays === 2 ? 'twee' : 'vijf'} werkdagen neemt een consulent van uw gemeente contact met u op.`;
}
export const SIGN_UP_ANSWER = signUpMessage(5);

/**
 * Sign-ups from the public page: the postcode decides the municipality, the campaign code
 * of the link is kept as the source, a response code (or KvK number) of a wave letter
 * records the answer on that wave, and the self-check sets the urgency. The new case lands
 * in that municipality's list of unassigned cases; the entrepreneur gets a receipt number
 * on the page and a confirmation by e-mail in the municipality's name. Runs as the public
 * actor of that municipality.
 */
export class SignUpService {
  constructor(
    private readonly uow: TenantUnitOfWork,
    private readonly reference: ReferenceRepository,
    private readonly mail: MailService,
    private readonly logger: Logger,
    private readonly addresses: AddressLookup = new ManualAddressEntry(),
    private readonly cases = new CasesRepository(),
    private readonly timeline = new TimelineRepository(),
    private readonly entrepreneurs = new EntrepreneursRepository(),
    private readonly entrepreneurService = new EntrepreneursService(),
    private readonly campaigns = new CampaignsRepository(),
    private readonly waves = new WavesRepository(),
    private readonly letters = new LettersRepository(),
    private readonly audit = new AuditService(),
  ) {}

  async lookup(postcode4: string): Promise<PostcodeLookup> {
    const found = await this.reference.municipalitiesOfPostcode(postcode4);
    if (found.length > 0) {
      return {
        status: 'in-region',
        municipalities: found.map((m) => ({ code: m.code, name: m.name })),
        regionName: found[0]!.regionName,
        elsewhere: [],
      };
    }
    const area = await this.reference.postcodeArea(postcode4);
    return {
      status: area.length > 0 ? 'outside-region' : 'unknown',
      municipalities: [],
      regionName: null,
      elsewhere: area.map((m) => ({ code: m.code, name: m.name })),
    };
  }

  /** The regions this front door serves, with their municipalities. */
  async regions(): Promise<PublicRegion[]> {
    return this.reference.publicRegions();
  }

  private async municipalityOf(code: string) {
    const municipality = await this.reference.findMunicipalityByCode(code);
    if (!municipality) throw new NotFound('De gemeente');
    return municipality;
  }

  /** Name, logo and contact details of a municipality, from its letterhead. */
  async face(code: string): Promise<MunicipalityFace> {
    const municipality = await this.municipalityOf(code);
    const actor = actors.public(municipality, 'openbare pagina');
    return this.uow.run(actor, () => this.faceIn(municipality));
  }

  private async faceIn(municipality: Municipality): Promise<MunicipalityFace> {
    const h = await this.letters.letterhead();
    return {
      code: municipality.code,
      name: municipality.name,
      regionName: municipality.region?.name ?? '',
      logoUrl: h.logo ? `/api/v1/public/municipalities/${municipality.code}/logo` : null,
      phone: h.phone,
      email: h.email,
      website: h.website,
      addressLines: h.addressLines ? h.addressLines.split('\n').filter(Boolean) : [],
    };
  }

  async logo(code: string) {
    const municipality = await this.municipalityOf(code);
    const actor = actors.public(municipality, 'openbare pagina');
    const h = await this.uow.run(actor, () => this.letters.letterhead());
    if (!h.logo || !h.logoType) throw new NotFound('Het logo');
    return { content: h.logo, contentType: h.logoType, filename: 'logo' };
  }

  /** The privacy statement of one municipality, generated from its settings. */
  async privacyStatement(code: string): Promise<PrivacyStatement> {
    const municipality = await this.municipalityOf(code);
    const actor = actors.public(municipality, 'privacyverklaring');
    const [settings, face] = await this.uow.run(
      actor,
      async () => [await this.letters.privacySettings(), await this.faceIn(municipality)] as const,
    );
    const partners = await this.reference.partnerNames(municipality.regionId);
    return {
      municipality: { code: municipality.code, name: municipality.name },
      regionName: municipality.region?.name ?? '',
      configured: settings !== null,
      controller:
        settings?.controller ??
        `Het college van burgemeester en wethouders van de gemeente ${municipality.name}`,
      contact: {
        email: settings?.contactEmail ?? face.email,
        phone: settings?.contactPhone ?? face.phone,
      },
      dpo: {
        name: settings?.dpoName ?? null,
        email: settings?.dpoEmail ?? null,
        phone: settings?.dpoPhone ?? null,
      },
      legalBasis: settings?.legalBasis ?? defaultLegalBasis(municipality.name),
      advisorOrganisation: settings?.advisorOrganisation ?? null,
      partners,
      retentionYears: settings?.retentionYears ?? null,
    };
  }

  async signUp(input: SignUp, ip: string): Promise<SignUpAnswer> {
    const assessment = input.selfCheck ? assessSelfCheck(input.selfCheck) : null;
    const acute = assessment?.urgency === 'acute';
    const promiseDays = CONTACT_PROMISE_DAYS[assessment?.urgency ?? 'normal'];
    const municipality = await this.route(input.postcode, input.municipalityCode);
    const actor = actors.public(municipality, 'aanmelding via de website');
    const receipt = newReceipt();
    // The same answer for everyone: a fresh receipt, the municipality and the promise.
    const answer = (face: MunicipalityFace): SignUpAnswer => ({
      message: signUpMessage(promiseDays),
      receipt,
      municipality: face,
      acute,
      promiseDays,
    });
    if (input.website) {
      // Only robots fill in the hidden field: answer as always, keep nothing.
      this.logger.info({ ip }, 'sign-up refused: hidden field filled in');
      return answer(await this.uow.run(actor, () => this.faceIn(municipality)));
    }
    const address = await this.completeAddress(input);
    return this.uow.run(actor, async () => {
      const face = await this.faceIn(municipality);
      const letterhead = await this.letters.letterhead();
      const code = input.campaignCode ? await this.campaigns.findCode(input.campaignCode) : null;
      const level = code ? await this.campaigns.levelOfCode(code) : null;
      const responseCode = input.responseCode ? normaliseResponseCode(input.responseCode) : null;
      const contact = responseCode
        ? await this.waves.contactByCode(responseCode)
        : await this.waves.latestContactOf(input.kvkNumber ?? null, null);
      if (responseCode && !contact) {
        throw new ValidationFailed([
          {
            name: 'responseCode',
            code: 'unknown_code',
            reason: `De antwoordcode ${formatResponseCode(responseCode)} kennen wij niet bij de gemeente ${municipality.name}. Controleer de code op uw brief, of laat het veld leeg.`,
          },
        ]);
      }
      let entrepreneurId = await this.entrepreneurs.findForSignUp(input.kvkNumber, input.email);
      if (!entrepreneurId) {
        entrepreneurId = (
          await this.entrepreneurService.create({
            name: input.name,
            businessName: input.businessName,
            email: input.email,
            phone: input.phone,
            postcode: input.postcode,
            houseNumber: input.houseNumber,
            houseNumberAddition: address.houseNumberAddition,
            street: address.street,
            town: address.town,
            kvkNumber: input.kvkNumber,
            legalForm: 'eenmanszaak',
            tozoPeriods: [],
            partnerIncome: 'unknown',
          })
        ).id;
      }
      const how = contact
        ? ` op de brief van "${contact.waveName}"`
        : code
          ? ` via campagnecode ${code}`
          : ' via de website';
      let caseId = await this.cases.openCaseId(entrepreneurId);
      if (caseId) {
        await this.timeline.append(caseId, 'note', `Opnieuw aangemeld${how} (${receipt})`, null);
        await this.audit.record({
          action: 'update',
          objectType: 'case',
          objectId: caseId,
          reason: 'aanmelding',
        });
      } else {
        const reference = await this.cases.nextReference();
        caseId = await this.cases.insert({
          reference,
          entrepreneurId,
          source: contact
            ? 'tozo_outreach'
            : level === 'regional'
              ? 'regional_campaign'
              : level === 'local'
                ? 'local_campaign'
                : 'self_registration',
          sourceDetail: contact
            ? contact.waveName.slice(0, 200)
            : code
              ? `Campagnecode ${code}`
              : 'Aanmelding via de website',
          urgency: assessment?.urgency ?? 'normal',
          otherSupport: input.selfCheck?.otherSupport ?? 'some',
          caseworkerId: null,
          advisorId: null,
          outreachWaveId: contact?.waveId ?? null,
          campaignCode: code,
          selfCheck: input.selfCheck ? { answers: input.selfCheck, ...assessment } : undefined,
          firstContactDue: addWorkingDays(dutchDay(), promiseDays),
        });
        await this.timeline.append(
          caseId,
          'registered',
          `Aangemeld als ${reference}${how} (ontvangstnummer ${receipt})`,
          null,
        );
        await this.audit.record({
          action: 'create',
          objectType: 'case',
          objectId: caseId,
          reason: 'aanmelding',
        });
      }
      if (contact) await this.waves.recordSignUp(contact.id, caseId, dutchDay());
      if (acute && letterhead.email) {
        // The team hears of an acute sign-up at once; the e-mail names no personal data.
        await this.mail.enqueue(
          {
            purpose: 'acute-sign-up',
            to: letterhead.email,
            subject: `Acute aanmelding: ${receipt}, contact binnen twee werkdagen`,
            text: [
              `Er is een acute aanmelding binnengekomen bij de gemeente ${municipality.name} (ontvangstnummer ${receipt}).`,
              'De korte test wijst op een acute situatie. Beloofd is contact binnen twee werkdagen.',
              'Open Heroriëntatie, werklijst "Acuut, nog niet toegewezen", en neem het dossier op.',
            ].join('\n\n'),
          },
          { municipalityId: municipality.id, regionId: municipality.regionId },
        );
      }
      await this.cases.recordReceipt(receipt, caseId);
      await this.mail.enqueue(
        {
          purpose: 'signup-confirmation',
          to: input.email,
          replyTo: letterhead.email,
          subject: `Uw aanmelding bij de gemeente ${municipality.name} (${receipt})`,
          text: confirmationText(input.name, receipt, promiseDays, acute, letterhead),
        },
        { municipalityId: municipality.id, regionId: municipality.regionId },
      );
      return answer(face);
    });
  }

  /**
   * Street and town from the lookup when the form gave only postcode and number (and the
   * lookup is on); what the person typed always wins, and a failing lookup changes nothing.
   */
  private async completeAddress(input: SignUp) {
    const typed = {
      street: input.street,
      town: input.town,
      houseNumberAddition: input.houseNumberAddition,
    };
    if (!this.addresses.enabled || !input.houseNumber || (input.street && input.town)) return typed;
    try {
      const found = await this.addresses.lookup(input.postcode, input.houseNumber);
      const wanted = (input.houseNumberAddition ?? '').toUpperCase();
      const match = found.find((a) => (a.houseNumberAddition ?? '').toUpperCase() === wanted);
      if (!match) return typed;
      return {
        street: input.street ?? match.street,
        town: input.town ?? match.town,
        houseNumberAddition: input.houseNumberAddition ?? match.houseNumberAddition ?? undefined,
      };
    } catch (err) {
      this.logger.warn({ err }, 'address lookup failed; the sign-up keeps what was typed');
      return typed;
    }
  }

  private async route(postcode: string, chosen: string | undefined) {
    const postcode4 = postcode.slice(0, 4);
    const found = await this.reference.municipalitiesOfPostcode(postcode4);
    if (found.length === 0) {
      const elsewhere = await this.reference.postcodeArea(postcode4);
      const names = elsewhere.map((m) => m.name).join(' of ');
      throw new ValidationFailed([
        {
          name: 'postcode',
          code: 'outside_region',
          reason: elsewhere.length
            ? `Postcode ${postcode} hoort bij de gemeente ${names}. Die gemeente werkt niet met dit formulier. Op ${ONDERNEMERSPLEIN_URL} vindt u de hulp voor ondernemers in uw eigen gemeente.`
            : `Postcode ${postcode} kennen wij niet. Controleer de postcode, of kijk op ${ONDERNEMERSPLEIN_URL} welke hulp er voor ondernemers is.`,
        },
      ]);
    }
    if (found.length === 1) return this.municipalityOf(found[0]!.code);
    const match = found.find((m) => m.code === chosen);
    if (!match) {
      throw new ValidationFailed([
        {
          name: 'municipalityCode',
          code: 'choose_municipality',
          reason: `Uw postcode hoort bij ${found.map((m) => m.name).join(' en ')}. Kies in welke gemeente u woont.`,
        },
      ]);
    }
    return this.municipalityOf(match.code);
  }
}

/** The confirmation e-mail: the receipt, what happens next, and how to reach the municipality. */
function confirmationText(
  name: string,
  receipt: string,
  promiseDays: number,
  acute: boolean,
  h: LetterheadRow,
): string {
  const contact = [
    h.phone ? `Telefoon: ${h.phone}` : null,
    h.email ? `E-mail: ${h.email} (of beantwoord deze e-mail)` : null,
    h.website ? `Website: ${h.website}` : null,
  ].filter(Boolean);
  return [
    `Beste ${name},`,
    `Bedankt voor uw aanmelding bij de gemeente ${h.municipality}. Wij helpen ondernemers die door corona in de problemen kwamen.`,
    `Uw ontvangstnummer is ${receipt}. Noem dit nummer als u contact met ons opneemt.`,
    `Binnen ${promiseDays === 2 ? 'twee' : 'vijf'} werkdagen neemt een consulent contact met u op voor een eerste gesprek met een bedrijfsadviseur.`,
    ...(acute
      ? [
          [
            'Heeft u nu direct hulp nodig? Dan kunt u ook meteen bellen:',
            ...IMMEDIATE_HELP.map(
              (x) => `- ${x.name}: ${x.phone} (gratis) – ${x.what.toLowerCase()}, ${x.url}`,
            ),
            '- Kunt u uw woonlasten niet betalen? Vraag de consulent naar de TONK (tegemoetkoming woonlasten).',
            '- Heeft u geen geld om van te leven? Vraag naar het Bbz (bijstand voor zelfstandigen).',
          ].join('\n'),
        ]
      : []),
    contact.length ? `Vragen? Neem contact met ons op.\n${contact.join('\n')}` : '',
    [
      'Met vriendelijke groet,',
      '',
      h.signatoryName ?? 'Team Heroriëntatie',
      h.signatoryTitle,
      `Gemeente ${h.municipality}`,
    ]
      .filter((l) => l !== null && l !== undefined)
      .join('\n'),
  ]
    .filter(Boolean)
    .join('\n\n');
}
