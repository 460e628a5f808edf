/** Helpers the chart tests share: synthesized objects per environment, looked up by kind and name. */
import { type Environment, loadEnvironments } from '../../environments';
import { type SynthesizedFolder, synthesizeEnvironment } from '../environment-charts';
import { type KubeObject, normalizeObject } from './manifest-files';

/** Every environment of the model, as `[name, env]` rows for `describe.each`. */
export const ENVIRONMENT_ROWS: [string, Environment][] = loadEnvironments().map((env) => [env.name, env]);

const cache = new Map<string, SynthesizedFolder[]>();

/** The folders of one environment, exactly as they are committed (normalized). */
export function foldersOf(env: Environment): SynthesizedFolder[] {
  let folders = cache.get(env.name);
  if (!folders) {
    folders = synthesizeEnvironment(env).map(({ folder, objects, sites }) => ({
      folder,
      objects: objects.map(normalizeObject),
      sites,
    }));
    cache.set(env.name, folders);
  }
  return folders;
}

/** Every object of one environment, with the folder it is written to. */
export function objectsOf(env: Environment): (KubeObject & { folder: string })[] {
  return foldersOf(env).flatMap(({ folder, objects }) => objects.map((object) => ({ ...object, folder })));
}

// biome-ignore lint/suspicious/noExplicitAny: tests walk synthesized YAML freely and let expect() judge the shape.
export type Found = Record<string, any>;

/** The one object of a kind and name; fails the test when there is none or several. */
export function find(env: Environment, kind: string, name: string): Found {
  const matches = objectsOf(env).filter((o) => o.kind === kind && o.metadata.name === name);
  if (matches.length !== 1) throw new Error(`${env.name}: expected one ${kind} "${name}", found ${matches.length}`);
  return matches[0] as Found;
}

/** Kinds that run pods from a template, and where the template sits. */
export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'] as const;

/** The pod template of a built-in workload. */
export function podTemplateOf(object: KubeObject): Found {
  const spec = (object as Found).spec;
  return object.kind === 'CronJob' ? spec.jobTemplate.spec.template : spec.template;
}

/** Built-in workloads of one environment. */
export function workloadsOf(env: Environment): (KubeObject & { folder: string })[] {
  return objectsOf(env).filter((o) => (WORKLOAD_KINDS as readonly string[]).includes(o.kind));
}
