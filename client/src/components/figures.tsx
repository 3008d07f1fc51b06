/** A count that may be hidden to protect small numbers (see SuppressedCountSchema). */
export interface MaybeHidden {
  value: number | null;
  suppressed: boolean;
}

/** A hidden count shows as a word, never as a number or a zero: it is below the threshold. */
export function Count({ count }: { count: MaybeHidden }) {
  if (count.suppressed || count.value === null) {
    return <span className="app-suppressed">verborgen*</span>;
  }
  return <>{count.value}</>;
}

export const anyHidden = (counts: MaybeHidden[]) => counts.some((c) => c.suppressed);

/** What "verborgen" means, under a table that has hidden cells. */
export function SuppressionNote({ threshold, extra }: { threshold: number; extra?: string }) {
  return (
    <p className="utrecht-paragraph app-footnote">
      * Verborgen: minder dan {threshold}. Zo kleine aantallen tonen we niet, zodat niemand te
      herkennen is. Ze tellen wel mee in de totalen.{extra ? ` ${extra}` : ''}
    </p>
  );
}
