import { assessSelfCheck, type PostcodeLookup, type SignUp } from '@herorientatie/domain';
import type { Logger } from 'pino';
import { actors } from '../../context/actor.ts';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { ValidationFailed } from '../../errors.ts';
import { AuditService } from '../audit/audit.service.ts';
import { CampaignsRepository } from '../campaigns/campaigns.repository.ts';
import { CasesRepository } from '../cases/cases.repository.ts';
import { TimelineRepository } from '../cases/timeline.repository.ts';
import { EntrepreneursRepository } from '../entrepreneurs/entrepreneurs.repository.ts';
import { EntrepreneursService } from '../entrepreneurs/entrepreneurs.service.ts';
import type { MailService } from '../mail/mail.service.ts';
import type { ReferenceRepository } from '../reference/reference.repository.ts';

/** The same answer whatever happened, so the page never tells whether someone is known. */
export const SIGN_UP_ANSWER =
  'Bedankt voor uw aanmelding. U krijgt een bevestiging per e-mail. Binnen vijf werkdagen neemt een consulent van uw gemeente contact met u op.';

/**
 * Sign-ups from the public page: the postcode decides the municipality, the campaign code
 * of the link is kept as the source, the self-check sets the urgency and suggests routes.
 * The new case lands in that municipality's list of unassigned cases; the entrepreneur gets
 * a confirmation by e-mail. Runs as the public actor of that municipality.
 */
export class SignUpService {
  constructor(
    private readonly uow: TenantUnitOfWork,
    private readonly reference: ReferenceRepository,
    private readonly mail: MailService,
    private readonly logger: Logger,
    private readonly cases = new CasesRepository(),
    private readonly timeline = new TimelineRepository(),
    private readonly entrepreneurs = new EntrepreneursRepository(),
    private readonly entrepreneurService = new EntrepreneursService(),
    private readonly campaigns = new CampaignsRepository(),
    private readonly audit = new AuditService(),
  ) {}

  async lookup(postcode4: string): Promise<PostcodeLookup> {
    const found = await this.reference.municipalitiesOfPostcode(postcode4);
    if (found.length === 0)
      return { status: 'outside-region', municipalities: [], regionName: null };
    return {
      status: 'in-region',
      municipalities: found.map((m) => ({ code: m.code, name: m.name })),
      regionName: found[0]!.regionName,
    };
  }

  async signUp(input: SignUp, ip: string): Promise<{ message: string }> {
    if (input.website) {
      // Only robots fill in the hidden field: answer as always, keep nothing.
      this.logger.info({ ip }, 'sign-up refused: hidden field filled in');
      return { message: SIGN_UP_ANSWER };
    }
    const municipality = await this.route(input.postcode, input.municipalityCode);
    const actor = actors.public(municipality, 'aanmelding via de website');
    await this.uow.run(actor, async () => {
      const code = input.campaignCode ? await this.campaigns.findCode(input.campaignCode) : null;
      const level = code ? await this.campaigns.levelOfCode(code) : null;
      const assessment = input.selfCheck ? assessSelfCheck(input.selfCheck) : null;
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
            kvkNumber: input.kvkNumber,
            legalForm: 'eenmanszaak',
            tozoPeriods: [],
            partnerIncome: 'unknown',
          })
        ).id;
      }
      const how = code ? ` via campagnecode ${code}` : ' via de website';
      const open = await this.cases.openCaseId(entrepreneurId);
      if (open) {
        await this.timeline.append(open, 'note', `Opnieuw aangemeld${how}`, null);
        await this.audit.record({
          action: 'update',
          objectType: 'case',
          objectId: open,
          reason: 'aanmelding',
        });
      } else {
        const reference = await this.cases.nextReference();
        const id = await this.cases.insert({
          reference,
          entrepreneurId,
          source:
            level === 'regional'
              ? 'regional_campaign'
              : level === 'local'
                ? 'local_campaign'
                : 'self_registration',
          sourceDetail: code ? `Campagnecode ${code}` : 'Aanmelding via de website',
          urgency: assessment?.urgency ?? 'normal',
          otherSupport: input.selfCheck?.otherSupport ?? 'some',
          caseworkerId: null,
          advisorId: null,
          campaignCode: code,
          selfCheck: input.selfCheck ? { answers: input.selfCheck, ...assessment } : undefined,
        });
        await this.timeline.append(id, 'registered', `Aangemeld als ${reference}${how}`, null);
        await this.audit.record({
          action: 'create',
          objectType: 'case',
          objectId: id,
          reason: 'aanmelding',
        });
      }
      await this.mail.enqueue(
        {
          purpose: 'signup-confirmation',
          to: input.email,
          subject: 'We hebben uw aanmelding ontvangen',
          text: [
            `Beste ${input.name},`,
            '',
            `Bedankt voor uw aanmelding bij de gemeente ${municipality.name}. Wij helpen ondernemers die door corona in de problemen kwamen.`,
            'Binnen vijf werkdagen neemt een consulent contact met u op voor een eerste gesprek met een bedrijfsadviseur.',
            '',
            'Heeft u vragen? Beantwoord dan deze e-mail of bel uw gemeente.',
            '',
            `Met vriendelijke groet,`,
            `Gemeente ${municipality.name}`,
          ].join('\n'),
        },
        { municipalityId: municipality.id, regionId: municipality.regionId },
      );
    });
    return { message: SIGN_UP_ANSWER };
  }

  private async route(postcode: string, chosen: string | undefined) {
    const found = await this.reference.municipalitiesOfPostcode(postcode.slice(0, 4));
    if (found.length === 0) {
      throw new ValidationFailed([
        {
          name: 'postcode',
          code: 'outside_region',
          reason:
            'Deze postcode hoort niet bij een gemeente die met dit formulier werkt. Neem contact op met uw eigen gemeente; die helpt u verder.',
        },
      ]);
    }
    if (found.length === 1) return found[0]!;
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
    return match;
  }
}
