/** SBI divisions (2 digits, CBS Standaard Bedrijfsindeling) most common among the self-employed. */
export const SBI_DIVISIONS: Record<string, string> = {
  '01': 'Landbouw',
  '10': 'Vervaardiging van voedingsmiddelen',
  '16': 'Houtindustrie',
  '25': 'Metaalproductenindustrie',
  '41': 'Algemene burgerlijke en utiliteitsbouw',
  '43': 'Gespecialiseerde werkzaamheden in de bouw',
  '45': 'Handel in en reparatie van auto’s',
  '46': 'Groothandel',
  '47': 'Detailhandel',
  '49': 'Vervoer over land',
  '55': 'Logiesverstrekking',
  '56': 'Eet- en drinkgelegenheden',
  '58': 'Uitgeverijen',
  '59': 'Film, televisie en muziek',
  '62': 'Informatietechnologie',
  '66': 'Financiële dienstverlening',
  '68': 'Verhuur en handel van onroerend goed',
  '69': 'Rechtskundige dienstverlening en administratie',
  '70': 'Holdings en managementadvies',
  '71': 'Architecten en ingenieurs',
  '73': 'Reclame en marktonderzoek',
  '74': 'Design, fotografie en vertaling',
  '77': 'Verhuur van roerende goederen',
  '78': 'Arbeidsbemiddeling en uitzendbureaus',
  '79': 'Reisbureaus',
  '81': 'Facility management, schoonmaak en hoveniers',
  '82': 'Overige zakelijke dienstverlening',
  '85': 'Onderwijs',
  '86': 'Gezondheidszorg',
  '88': 'Maatschappelijke dienstverlening',
  '90': 'Kunst',
  '93': 'Sport en recreatie',
  '94': 'Levensbeschouwelijke en belangenorganisaties',
  '96': 'Overige persoonlijke dienstverlening (kappers, schoonheidsverzorging)',
};

/** A readable label for an SBI code (2 to 5 digits), from its division. */
export function sbiLabel(code: string): string {
  return SBI_DIVISIONS[code.slice(0, 2)] ?? `SBI ${code}`;
}
