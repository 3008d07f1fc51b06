import { z } from 'zod';
import { ROUTE_TYPES, type RouteType } from './case-records.ts';
import { OTHER_SUPPORT, URGENCIES } from './support.ts';

/**
 * The self-check on the public sign-up page, in the spirit of the Geldfit Zakelijk test:
 * five short questions that tell how acute the problem is and which route fits.
 */
export const SelfCheckSchema = z.object({
  income: z.enum(['much_lower', 'lower', 'same_or_higher'], { error: 'Kies een antwoord.' }),
  fixedCosts: z.enum(['no', 'partly', 'yes'], { error: 'Kies een antwoord.' }),
  arrears: z.enum(['yes', 'no', 'unknown'], { error: 'Kies een antwoord.' }),
  otherSupport: z.enum(OTHER_SUPPORT, { error: 'Kies een antwoord.' }),
  wish: z.enum(['continue', 'stop', 'combine', 'unsure'], { error: 'Kies een antwoord.' }),
});
export type SelfCheck = z.infer<typeof SelfCheckSchema>;

/** The questions and answers in plain Dutch (B1), for the page and for the caseworker. */
export const SELF_CHECK_QUESTIONS: {
  [K in keyof SelfCheck]: { question: string; answers: Record<SelfCheck[K], string> };
} = {
  income: {
    question: 'Hoeveel verdient u nu met uw bedrijf, vergeleken met vóór corona?',
    answers: {
      much_lower: 'Veel minder',
      lower: 'Iets minder',
      same_or_higher: 'Evenveel of meer',
    },
  },
  fixedCosts: {
    question: 'Kunt u uw vaste lasten betalen, zoals huur en verzekeringen?',
    answers: { no: 'Nee', partly: 'Soms niet', yes: 'Ja' },
  },
  arrears: {
    question: 'Heeft u betalingsachterstanden of schulden?',
    answers: { yes: 'Ja', no: 'Nee', unknown: 'Weet ik niet' },
  },
  otherSupport: {
    question: 'Heeft u iemand die u helpt, zoals een adviseur, boekhouder of familie?',
    answers: { none: 'Nee', some: 'Een beetje', sufficient: 'Ja, genoeg' },
  },
  wish: {
    question: 'Wat wilt u het liefst?',
    answers: {
      continue: 'Doorgaan met mijn bedrijf',
      stop: 'Stoppen en werk in loondienst zoeken',
      combine: 'Mijn bedrijf combineren met een (bij)baan',
      unsure: 'Dat weet ik nog niet',
    },
  },
};

export interface SelfCheckAssessment {
  urgency: (typeof URGENCIES)[number];
  suggestedRoutes: RouteType[];
}

/** How acute the situation is and which routes to consider, from the answers. */
export function assessSelfCheck(check: SelfCheck): SelfCheckAssessment {
  const noIncome = check.income === 'much_lower';
  const cannotPay = check.fixedCosts === 'no';
  const debts = check.arrears === 'yes';
  const urgency =
    (noIncome && cannotPay) || (debts && cannotPay)
      ? 'acute'
      : noIncome || debts || check.fixedCosts === 'partly' || check.otherSupport === 'none'
        ? 'high'
        : 'normal';
  const routes = new Set<RouteType>();
  if (check.wish === 'continue' || check.wish === 'combine' || check.wish === 'unsure') {
    routes.add('strengthen_business');
  }
  if (check.wish === 'stop' || check.wish === 'combine') routes.add('employment');
  if (debts || cannotPay) routes.add('solve_finances');
  return { urgency, suggestedRoutes: ROUTE_TYPES.filter((r) => routes.has(r)) };
}

/** What the caseworker sees of a self-check on the case. */
export const SelfCheckResultSchema = z.object({
  answers: SelfCheckSchema,
  urgency: z.enum(URGENCIES),
  suggestedRoutes: z.array(z.enum(ROUTE_TYPES)),
});
export type SelfCheckResult = z.infer<typeof SelfCheckResultSchema>;
