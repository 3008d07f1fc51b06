import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { kustomize } from '../../test/kustomize.ts';
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

  it('names the same Secret and ConfigMap keys as the Kubernetes base', () => {
    const rows = settingsTable('docs/deployment.md');
    const where = (place: string) =>
      [...rows]
        .filter(([, cells]) => cells[1] === place)
        .map(([name]) => name)
        .sort();
    const objects = kustomize(path.join(ROOT_DIR, 'infra/k8s/base'));
    const deployment = objects.find((o) => o.kind === 'Deployment') as unknown as {
      spec: {
        template: { spec: { containers: { env: { name: string; valueFrom?: object }[] }[] } };
      };
    };
    const fromSecret = deployment.spec.template.spec.containers[0]!.env.filter((e) => e.valueFrom)
      .map((e) => e.name)
      .sort();
    expect(fromSecret).to.deep.equal(where('Secret'));
    const configMap = objects.find((o) => o.kind === 'ConfigMap') as unknown as {
      data: Record<string, string>;
    };
    for (const key of Object.keys(configMap.data)) expect(where('ConfigMap'), key).to.include(key);
  });
});
