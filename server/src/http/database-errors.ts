/**
 * What a PostgreSQL or pool error means for the person who sent the request. A race the
 * application could not see coming (two registrations of one KvK number at the same
 * moment) is a conflict, like the sequential case; a value PostgreSQL refuses is invalid
 * input; a database that cannot be reached is a temporary outage.
 */
export type DatabaseErrorKind =
  | { kind: 'conflict'; message: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'unavailable' };

const UNIQUE_MESSAGES: Record<string, string> = {
  entrepreneur_kvk_idx:
    'Er is al een ondernemer met dit KvK-nummer in uw gemeente. Kies die ondernemer bij de aanmelding.',
  entrepreneur_bsn_idx:
    'Er is al een ondernemer met dit BSN in uw gemeente. Kies die ondernemer bij de aanmelding.',
  case_file_one_open_idx:
    'Deze ondernemer heeft al een open dossier. Er kan maar één dossier tegelijk open zijn.',
  case_route_one_active_idx: 'Deze route loopt al in dit dossier. Rond die eerst af.',
};

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);

export function classifyDatabaseError(err: unknown): DatabaseErrorKind | null {
  if (!(err instanceof Error)) return null;
  const e = err as Error & { code?: string; constraint?: string; driverError?: { code?: string } };
  const code = e.code ?? e.driverError?.code;
  if (
    (code && (CONNECTION_CODES.has(code) || code.startsWith('08'))) ||
    /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|Client has encountered a connection error/i.test(
      e.message,
    )
  ) {
    return { kind: 'unavailable' };
  }
  if (code === '23505') {
    return {
      kind: 'conflict',
      message:
        (e.constraint && UNIQUE_MESSAGES[e.constraint]) ??
        'Dit bestaat al. Vernieuw de pagina en kijk of uw wijziging er al staat.',
    };
  }
  if (code === '40001' || code === '40P01') {
    return {
      kind: 'conflict',
      message: 'Iemand anders wijzigde dit tegelijk. Probeer het opnieuw.',
    };
  }
  // Class 22 (data exception): a value PostgreSQL cannot store or compare.
  if (code?.startsWith('22')) {
    return {
      kind: 'invalid',
      message:
        'Een van de waarden kan niet worden verwerkt (ongeldige datum, te groot getal of een niet toegestaan teken).',
    };
  }
  return null;
}
