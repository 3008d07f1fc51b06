import { normalisePostcode, type AddressSuggestion } from '@herorientatie/domain';

/**
 * Finds the street and town of a postcode and house number. One interface, so that a
 * deployment can choose its source; manual entry always remains possible.
 */
export interface AddressLookup {
  readonly enabled: boolean;
  lookup(postcode: string, houseNumber: string): Promise<AddressSuggestion[]>;
}

/** No lookup configured: the address is typed in by hand. */
export class ManualAddressEntry implements AddressLookup {
  readonly enabled = false;
  async lookup(): Promise<AddressSuggestion[]> {
    return [];
  }
}

export const PDOK_LOCATIESERVER_URL = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1';

interface PdokDoc {
  type?: string;
  straatnaam?: string;
  huisnummer?: number;
  huisletter?: string;
  huisnummertoevoeging?: string;
  postcode?: string;
  woonplaatsnaam?: string;
  gemeentecode?: string;
  gemeentenaam?: string;
}

export class AddressLookupUnavailable extends Error {}

/**
 * The public PDOK Locatieserver (BAG addresses, no key needed): `free` search filtered on
 * type, postcode and house number. A slow or failing service never blocks the form: the
 * caller gets AddressLookupUnavailable and the user types the address.
 */
export class PdokAddressLookup implements AddressLookup {
  readonly enabled = true;
  constructor(
    private readonly baseUrl = PDOK_LOCATIESERVER_URL,
    private readonly timeoutMs = 3000,
  ) {}

  async lookup(postcode: string, houseNumber: string): Promise<AddressSuggestion[]> {
    const pc = normalisePostcode(postcode)?.replace(' ', '');
    const number = /^\d{1,5}/.exec(houseNumber.trim())?.[0];
    if (!pc || !number) return [];
    const url = new URL(`${this.baseUrl.replace(/\/$/, '')}/free`);
    url.searchParams.append('q', `postcode:${pc} AND huisnummer:${number}`);
    url.searchParams.append('fq', 'type:adres');
    url.searchParams.append(
      'fl',
      'type straatnaam huisnummer huisletter huisnummertoevoeging postcode woonplaatsnaam gemeentecode gemeentenaam',
    );
    url.searchParams.append('rows', '50');
    let body: { response?: { docs?: PdokDoc[] } };
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new AddressLookupUnavailable(`PDOK antwoordde ${response.status}`);
      body = (await response.json()) as typeof body;
    } catch (err) {
      if (err instanceof AddressLookupUnavailable) throw err;
      throw new AddressLookupUnavailable(err instanceof Error ? err.message : String(err));
    }
    const seen = new Set<string>();
    const found: AddressSuggestion[] = [];
    for (const d of body.response?.docs ?? []) {
      if (d.type && d.type !== 'adres') continue;
      if (String(d.huisnummer) !== number || d.postcode?.toUpperCase() !== pc) continue;
      if (!d.straatnaam || !d.woonplaatsnaam) continue;
      const addition = [d.huisletter, d.huisnummertoevoeging].filter(Boolean).join('-') || null;
      const key = `${d.straatnaam}|${addition}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({
        street: d.straatnaam,
        houseNumber: number,
        houseNumberAddition: addition,
        postcode: normalisePostcode(d.postcode)!,
        town: d.woonplaatsnaam,
        municipalityCode: d.gemeentecode ? `GM${d.gemeentecode.padStart(4, '0')}` : null,
        municipalityName: d.gemeentenaam ?? null,
      });
    }
    return found.sort((a, b) =>
      (a.houseNumberAddition ?? '').localeCompare(b.houseNumberAddition ?? '', 'nl', {
        numeric: true,
      }),
    );
  }
}

/** The lookup the configuration asks for: `pdok`, or manual entry. */
export function addressLookupFrom(config: { source: 'pdok' | 'off'; url?: string }): AddressLookup {
  return config.source === 'pdok' ? new PdokAddressLookup(config.url) : new ManualAddressEntry();
}
