import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import {
  AddressLookupUnavailable,
  addressLookupFrom,
  PdokAddressLookup,
} from '../address-lookup.ts';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../test/fixtures/pdok',
);

/**
 * The PDOK Locatieserver as recorded: a local server answers with the stored answers, so
 * that no test reaches the internet, and records what the lookup asked.
 */
describe('address lookup (PDOK Locatieserver, recorded answers)', () => {
  let server: Server;
  let base: string;
  const asked: URL[] = [];
  let mode: 'ok' | 'error' | 'slow' = 'ok';

  before(async () => {
    server = createServer(async (req, res) => {
      const url = new URL(req.url!, 'http://localhost');
      asked.push(url);
      if (mode === 'error') return void res.writeHead(503).end('Service Unavailable');
      if (mode === 'slow') return void setTimeout(() => res.end('{}'), 1500);
      const q = url.searchParams.get('q') ?? '';
      const file =
        q.includes('postcode:6512BK') && q.includes('huisnummer:1')
          ? '6512BK-1.json'
          : q.includes('postcode:6602BK') && q.includes('huisnummer:14')
            ? '6602BK-14.json'
            : 'empty.json';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(await readFile(path.join(FIXTURES, file)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bzk/locatieserver/search/v3_1`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    mode = 'ok';
    asked.length = 0;
  });

  it('asks the free search for one address by postcode and number, and reads street and town', async () => {
    const lookup = new PdokAddressLookup(base);
    const found = await lookup.lookup('6512 bk', '1');
    expect(found).to.deep.equal([
      {
        street: 'Arend Noorduijnstraat',
        houseNumber: '1',
        houseNumberAddition: null,
        postcode: '6512 BK',
        town: 'Nijmegen',
        municipalityCode: 'GM0268',
        municipalityName: 'Nijmegen',
      },
    ]);
    expect(asked).to.have.length(1);
    expect(asked[0]!.pathname).to.equal('/bzk/locatieserver/search/v3_1/free');
    expect(asked[0]!.searchParams.get('q')).to.equal('postcode:6512BK AND huisnummer:1');
    expect(asked[0]!.searchParams.get('fq')).to.equal('type:adres');
  });

  it('offers every address on one number, without the addition first', async () => {
    const found = await new PdokAddressLookup(base).lookup('6602BK', '14a');
    expect(found.map((a) => [a.street, a.houseNumber, a.houseNumberAddition])).to.deep.equal([
      ['Kasteellaan', '14', null],
      ['Kasteellaan', '14', 'A'],
    ]);
  });

  it('finds nothing for an address that does not exist, and never asks for nonsense', async () => {
    expect(await new PdokAddressLookup(base).lookup('6602 BK', '999')).to.deep.equal([]);
    expect(await new PdokAddressLookup(base).lookup('0601 GH', '1')).to.deep.equal([]);
    expect(await new PdokAddressLookup(base).lookup('6602 BK', 'x')).to.deep.equal([]);
    expect(asked).to.have.length(1);
  });

  it('says the service is unavailable when it fails or is slow, so the form stays usable', async () => {
    mode = 'error';
    let error: unknown;
    try {
      await new PdokAddressLookup(base).lookup('6512 BK', '1');
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(AddressLookupUnavailable);
    mode = 'slow';
    error = undefined;
    try {
      await new PdokAddressLookup(base, 200).lookup('6512 BK', '1');
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(AddressLookupUnavailable);
  });

  it('is off unless configured', async () => {
    const off = addressLookupFrom({ source: 'off' });
    expect(off.enabled).to.equal(false);
    expect(await off.lookup('6512 BK', '1')).to.deep.equal([]);
    expect(addressLookupFrom({ source: 'pdok', url: base }).enabled).to.equal(true);
  });
});
