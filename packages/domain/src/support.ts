/** How acute a case is and how much other support the entrepreneur has. */
export const URGENCIES = ['acute', 'high', 'normal'] as const;
export const URGENCY_LABELS: Record<(typeof URGENCIES)[number], string> = {
  acute: 'Acuut',
  high: 'Hoog',
  normal: 'Normaal',
};

export const OTHER_SUPPORT = ['none', 'some', 'sufficient'] as const;
export const OTHER_SUPPORT_LABELS: Record<(typeof OTHER_SUPPORT)[number], string> = {
  none: 'Geen andere steun',
  some: 'Enige steun (netwerk, adviseur)',
  sufficient: 'Voldoende andere steun',
};
