import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { CONFIG_VARIABLES, PRODUCTION_REQUIRED, ROOT_DIR } from '../config.ts';

/** The rows of the settings table: variable → its cells. */
function settingsTable(file: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of readFileSync(path.join(ROOT_DIR, file), 'utf8').split('\n')) {
    const match = /^\| `([A-Z_]+)` +\|(.*)\|$/.exec(line);
    if (match)
      rows.set(
        match[1]!,
        match[2]!.split('|').map((c) => c.trim()),
      );
  }
  return rows;
}

describe('the deployment documentation lists every setting', () => {
  for (const file of ['docs/deployment.md', 'README.md']) {
    it(`${file} has a row for every variable the server reads, and no other`, () => {
      const rows = settingsTable(file);
      expect([...rows.keys()].sort()).to.deep.equal([...CONFIG_VARIABLES].sort());
    });
  }

  it('marks the variables production requires, and says where secrets go', () => {
    const rows = settingsTable('docs/deployment.md');
    for (const [name, cells] of rows) {
      const text = cells.join(' ');
      expect(text.includes('_production_'), name).to.equal(
        (PRODUCTION_REQUIRED as readonly string[]).includes(name),
      );
      if (text.includes('**secret**')) expect(cells[1], name).to.equal('Secret');
    }
  });
});
