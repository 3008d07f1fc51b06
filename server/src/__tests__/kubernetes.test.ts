import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'chai';
import { parseAllDocuments } from 'yaml';
import { kustomize, type K8sObject } from '../../test/kustomize.ts';
import { CONFIG_VARIABLES, loadConfig, PRODUCTION_REQUIRED, ROOT_DIR } from '../config.ts';

const K8S = path.join(ROOT_DIR, 'infra/k8s');
const OVERLAYS = ['production', 'staging'];
const KINDS = [
  'ConfigMap',
  'Deployment',
  'Service',
  'Ingress',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'Job',
  'NetworkPolicy',
];

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number }[];
  livenessProbe?: { httpGet: { path: string } };
  readinessProbe?: { httpGet: { path: string } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
}
interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: { containers: Container[]; securityContext?: { runAsNonRoot?: boolean } };
}

/** The kubernetes-models class for an object: `apps/v1` + `Deployment` → its module. */
async function modelOf(object: K8sObject) {
  const groupVersion = object.apiVersion.includes('/') ? object.apiVersion : `v1`;
  const module = (await import(`kubernetes-models/${groupVersion}/${object.kind}`)) as Record<
    string,
    new (data: unknown) => { validate(): void }
  >;
  const Model = module[object.kind];
  if (!Model) throw new Error(`No schema for ${object.apiVersion} ${object.kind}`);
  return Model;
}

const byKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const one = <T>(objects: K8sObject[], kind: string) => {
  const found = byKind(objects, kind);
  expect(found, kind).to.have.length(1);
  return found[0] as unknown as T;
};

for (const overlay of OVERLAYS) {
  describe(`Kubernetes manifests: overlay ${overlay}`, () => {
    const objects = kustomize(path.join(K8S, 'overlays', overlay));
    const configMap = one<{ data: Record<string, string> }>(objects, 'ConfigMap');
    const deployment = one<{ spec: { template: PodTemplate } }>(objects, 'Deployment');
    const job = one<{ spec: { template: PodTemplate } }>(objects, 'Job');
    const app = deployment.spec.template.spec.containers[0]!;
    const migrate = job.spec.template.spec.containers[0]!;

    it('has every kind of object a replicated deployment needs', () => {
      for (const kind of KINDS) expect(byKind(objects, kind), kind).to.have.length(1);
      expect(byKind(objects, 'Secret'), 'no secret values').to.have.length(0);
    });

    it('renders what `kubectl kustomize` renders (where kubectl is installed)', function () {
      let rendered: string;
      try {
        rendered = execFileSync('kubectl', ['kustomize', path.join(K8S, 'overlays', overlay)], {
          encoding: 'utf8',
        });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') this.skip();
        throw err;
      }
      const theirs = parseAllDocuments(rendered).map((d) => d.toJS() as K8sObject);
      const key = (o: K8sObject) => `${o.kind}/${o.metadata.name}`;
      expect(theirs.map(key).sort()).to.deep.equal(objects.map(key).sort());
      for (const object of theirs)
        expect(
          isDeepStrictEqual(
            object,
            objects.find((o) => key(o) === key(object)),
          ),
          key(object),
        ).to.equal(true);
    });

    it('validates every object against the Kubernetes schemas', async () => {
      for (const object of objects) {
        const Model = await modelOf(object);
        expect(
          () => new Model(object).validate(),
          `${object.kind} ${object.metadata.name}`,
        ).not.to.throw();
      }
    });

    /** What a container gets: explicit variables, then whole ConfigMaps (no secretRef). */
    const variables = (container: Container) => {
      const names = new Set<string>();
      for (const from of container.envFrom ?? []) {
        expect(from.secretRef, 'secrets by key, so the keys can be checked').to.equal(undefined);
        expect(from.configMapRef?.name).to.equal('herorientatie-config');
        for (const key of Object.keys(configMap.data)) names.add(key);
      }
      for (const v of container.env ?? []) names.add(v.name);
      return names;
    };

    it('sets only variables the server knows, and every one production requires', () => {
      for (const container of [app, migrate]) {
        const names = variables(container);
        for (const name of names)
          expect(CONFIG_VARIABLES, `${container.name}: ${name}`).to.include(name);
      }
      for (const name of PRODUCTION_REQUIRED) expect(variables(app), name).to.include(name);
      for (const name of ['DATABASE_URL', 'DB_APP_PASSWORD', 'NODE_ENV'])
        expect(variables(migrate), name).to.include(name);
    });

    it('takes secrets from the Secret and everything else gives a configuration the server accepts', () => {
      const secretKeys = (app.env ?? []).filter((v) => v.valueFrom?.secretKeyRef);
      for (const v of secretKeys) {
        expect(v.valueFrom!.secretKeyRef).to.deep.include({
          name: 'herorientatie-secrets',
          key: v.name,
        });
      }
      const secrets = secretKeys.map((v) => v.name);
      for (const name of [
        'DATABASE_URL',
        'DB_APP_PASSWORD',
        'OIDC_CLIENT_SECRET',
        'SESSION_SECRET',
        'SMTP_URL',
      ])
        expect(secrets, name).to.include(name);
      for (const name of secrets) expect(configMap.data, name).not.to.have.property(name);
      // The ConfigMap's values with example secrets: the server must start with them.
      const env = {
        ...configMap.data,
        ...Object.fromEntries(
          (app.env ?? []).filter((v) => v.value !== undefined).map((v) => [v.name, v.value]),
        ),
        DATABASE_URL: 'postgres://example:example@db.example.org:5432/herorientatie',
        DB_APP_PASSWORD: 'example-app-password',
        OIDC_CLIENT_SECRET: 'example-client-secret',
        SESSION_SECRET: 'example-session-secret-of-at-least-32-characters',
        SMTP_URL: 'smtp://mail.example.org:587',
        METRICS_TOKEN: 'example-metrics-token',
      };
      const config = loadConfig(env);
      expect(config.production).to.equal(true);
      expect(config.session.secureCookie).to.equal(true);
      expect(String(config.port)).to.equal(
        String(app.ports!.find((p) => p.name === 'http')!.containerPort),
      );
    });

    it('probes /health and /ready, limits resources and runs non-root on a read-only root', () => {
      expect(app.livenessProbe!.httpGet.path).to.equal('/health');
      expect(app.readinessProbe!.httpGet.path).to.equal('/ready');
      for (const [template, container] of [
        [deployment.spec.template, app],
        [job.spec.template, migrate],
      ] as const) {
        expect(container.resources?.requests, container.name).to.have.keys('cpu', 'memory');
        expect(container.resources?.limits, container.name).to.have.property('memory');
        expect(container.securityContext).to.deep.include({
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
        });
        expect(template.spec.securityContext?.runAsNonRoot).to.equal(true);
      }
      expect(migrate.command).to.deep.equal(['node', 'server/dist/migrate.js']);
      expect(migrate.image)
        .to.equal(app.image)
        .and.not.match(/:latest$|^herorientatie:/);
    });

    it('connects Service, autoscaler, disruption budget and network policy to the pods', () => {
      const labels = deployment.spec.template.metadata.labels;
      const matches = (selector: Record<string, string>) =>
        Object.entries(selector).every(([k, v]) => labels[k] === v);
      const service = one<{ spec: { selector: Record<string, string> } }>(objects, 'Service');
      expect(matches(service.spec.selector)).to.equal(true);
      const pdb = one<{ spec: { selector: { matchLabels: Record<string, string> } } }>(
        objects,
        'PodDisruptionBudget',
      );
      expect(matches(pdb.spec.selector.matchLabels)).to.equal(true);
      const policy = one<{ spec: { podSelector: { matchLabels: Record<string, string> } } }>(
        objects,
        'NetworkPolicy',
      );
      expect(matches(policy.spec.podSelector.matchLabels)).to.equal(true);
      const hpa = one<{
        spec: { scaleTargetRef: { kind: string; name: string }; minReplicas: number };
      }>(objects, 'HorizontalPodAutoscaler');
      expect(hpa.spec.scaleTargetRef).to.deep.include({
        kind: 'Deployment',
        name: 'herorientatie',
      });
      const ingress = one<{
        spec: { rules: { http: { paths: { backend: { service: { name: string } } }[] } }[] };
      }>(objects, 'Ingress');
      expect(ingress.spec.rules[0]!.http.paths[0]!.backend.service.name).to.equal('herorientatie');
      const namespaces = new Set(objects.map((o) => o.metadata.namespace));
      expect([...namespaces])
        .to.have.length(1)
        .and.not.include(undefined);
    });
  });
}
