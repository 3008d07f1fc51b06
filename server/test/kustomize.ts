import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fastJsonPatch, { type Operation } from 'fast-json-patch';
import { parse, parseAllDocuments } from 'yaml';

/** A Kubernetes object as read from YAML. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  resources?: string[];
  labels?: { pairs: Record<string, string>; includeSelectors?: boolean }[];
  images?: { name: string; newName?: string; newTag?: string }[];
  patches?: { target: { kind: string; name: string }; patch?: string; path?: string }[];
}

/** The fields this renderer understands; anything else fails instead of being ignored. */
const KNOWN = new Set([
  'apiVersion',
  'kind',
  'namespace',
  'resources',
  'labels',
  'images',
  'patches',
]);

function containersOf(object: K8sObject): { image?: string }[] {
  const spec = object.spec as
    { template?: { spec?: { containers?: { image?: string }[] } } } | undefined;
  return spec?.template?.spec?.containers ?? [];
}

/**
 * Renders a kustomization the way `kubectl kustomize` does for the subset these manifests
 * use: resources (files and directories), labels, namespace, images and JSON 6902 patches.
 */
export function kustomize(dir: string): K8sObject[] {
  const k = parse(readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8')) as Kustomization;
  const unknown = Object.keys(k).filter((key) => !KNOWN.has(key));
  if (unknown.length > 0) throw new Error(`${dir}: unsupported kustomization fields ${unknown}`);
  const objects: K8sObject[] = [];
  for (const resource of k.resources ?? []) {
    const full = path.join(dir, resource);
    if (statSync(full).isDirectory()) objects.push(...kustomize(full));
    else
      for (const doc of parseAllDocuments(readFileSync(full, 'utf8'))) {
        if (doc.errors.length > 0) throw new Error(`${full}: ${doc.errors[0]!.message}`);
        const object = doc.toJS() as K8sObject | null;
        if (object) objects.push(object);
      }
  }
  for (const { pairs } of k.labels ?? [])
    for (const object of objects) object.metadata.labels = { ...object.metadata.labels, ...pairs };
  if (k.namespace) for (const object of objects) object.metadata.namespace = k.namespace;
  for (const image of k.images ?? [])
    for (const container of objects.flatMap(containersOf)) {
      const [name, tag] = (container.image ?? '').split(':');
      if (name !== image.name) continue;
      container.image = `${image.newName ?? name}:${image.newTag ?? tag}`;
    }
  for (const patch of k.patches ?? []) {
    const targets = objects.filter(
      (o) => o.kind === patch.target.kind && o.metadata.name === patch.target.name,
    );
    if (targets.length !== 1)
      throw new Error(`${dir}: patch target ${JSON.stringify(patch.target)} not found`);
    const text = patch.patch ?? readFileSync(path.join(dir, patch.path!), 'utf8');
    const operations = parse(text) as Operation[];
    const index = objects.indexOf(targets[0]!);
    objects[index] = fastJsonPatch.applyPatch(targets[0]!, operations, true, false).newDocument;
  }
  return objects;
}
