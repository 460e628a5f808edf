/**
 * Refuses every YAML construct whose meaning differs between the YAML 1.2 core schema the gate
 * parses with and the YAML 1.1 decoder Kubernetes uses. kubectl, the API server and Argo CD read
 * manifests through sigs.k8s.io/yaml, which decodes with a fork of go-yaml v2 (YAML 1.1): there
 * `<<` merges mappings (and a merged mapping even overrides a key written before it,
 * go-yaml/yaml#81), `yes`/`on`/`n` are booleans, `0443` is octal, `1_000` and `0b11` are integers
 * and `!!binary` is decoded. If the gate read such a file as 1.2 it would judge a different object
 * from the one the cluster receives, so the file is refused (exit 2) instead of guessed at.
 * Our own synthesized output never needs any of these constructs.
 */

import { type Document, isAlias, isCollection, isScalar, type Node, Scalar, visit } from 'yaml';

/** What a refused construct is, with the line it starts on and how to write it portably. */
export interface PortabilityProblem {
  /** Character offset in the file where the construct starts. */
  readonly offset: number;
  readonly message: string;
}

/**
 * How deep collections may nest. Our deepest manifest nests 13 levels; a JSON Schema inside a
 * CustomResourceDefinition rarely passes 40. Deeper input is refused before it can cost more.
 */
export const MAX_NESTING_DEPTH = 64;

/** YAML 1.1's booleans that YAML 1.2's core schema reads as strings (https://yaml.org/type/bool.html). */
const YAML_1_1_ONLY_BOOLEANS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/** Plain scalars YAML 1.1 resolves to a number and YAML 1.2 core to another number or a string. */
const YAML_1_1_ONLY_NUMBERS: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  // https://yaml.org/type/int.html: a leading 0 means octal in 1.1 (0443 is 291), decimal in 1.2.
  { pattern: /^[-+]?0[0-7_]+$/, what: 'a YAML 1.1 octal number (1.2 reads it as decimal)' },
  { pattern: /^[-+]?0o[0-7_]+$/, what: 'a YAML 1.2 octal number (1.1 reads it as a string)' },
  { pattern: /^[-+]?0b[01_]+$/, what: 'a YAML 1.1 binary number (1.2 reads it as a string)' },
  {
    pattern: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
    what: 'a YAML 1.1 base-60 number (1.2 reads it as a string)',
  },
  {
    pattern: /^[-+]?(?:0x[0-9a-fA-F_]*_[0-9a-fA-F_]*|[0-9_]*_[0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?)$/,
    what: 'a YAML 1.1 number with digit separators (1.2 reads it as a string)',
  },
];

const QUOTE_IT = 'quote the value, or write the number plainly, so every YAML reader agrees';

function scalarProblem(scalar: Scalar): string | undefined {
  if (scalar.type !== Scalar.PLAIN || typeof scalar.source !== 'string') return undefined;
  return plainScalarProblem(scalar.source);
}

/** Why a plain (unquoted) scalar with this text reads differently in YAML 1.1, or undefined. */
export function plainScalarProblem(text: string): string | undefined {
  if (YAML_1_1_ONLY_BOOLEANS.test(text)) {
    return `plain scalar "${text}" is a boolean in YAML 1.1 (Kubernetes) and a string in YAML 1.2: write true/false, or quote it`;
  }
  for (const { pattern, what } of YAML_1_1_ONLY_NUMBERS) {
    if (pattern.test(text)) return `plain scalar "${text}" is ${what}: ${QUOTE_IT}`;
  }
  return undefined;
}

function nodeProblem(node: Node, key: unknown): string | undefined {
  if (isAlias(node)) {
    return `alias *${node.source}: anchors and aliases (and the merge keys built on them) are refused; write the value out in full`;
  }
  if (node.anchor) return `anchor &${node.anchor}: anchors and aliases are refused; write the value out in full`;
  if (node.tag) return `explicit tag ${node.tag}: tags are refused (YAML 1.1 decodes !!binary and others); remove it`;
  if (isScalar(node)) {
    if (key === 'key' && node.value === '<<') {
      return 'merge key "<<": Kubernetes merges the mapping it names (YAML 1.1), YAML 1.2 keeps a key "<<"; write the keys out in full';
    }
    return scalarProblem(node);
  }
  return undefined;
}

/** Every refused construct of one parsed document, in document order. */
export function portabilityProblems(document: Document): PortabilityProblem[] {
  const problems: PortabilityProblem[] = [];
  const directives = document.directives;
  if (directives?.yaml.explicit) {
    problems.push({
      offset: document.range?.[0] ?? 0,
      message: `%YAML ${directives.yaml.version} directive: refused, the gate judges YAML 1.2 as Kubernetes reads it; remove it`,
    });
  }
  visit(document, {
    Node(key, node, path) {
      if (isCollection(node)) {
        const depth = path.filter((ancestor) => isCollection(ancestor)).length + 1;
        if (depth > MAX_NESTING_DEPTH) {
          problems.push({
            offset: node.range?.[0] ?? 0,
            message: `collections nest deeper than ${MAX_NESTING_DEPTH} levels: refused (no manifest or plan needs this)`,
          });
          return visit.BREAK;
        }
      }
      const message = nodeProblem(node, key);
      if (message) problems.push({ offset: node.range?.[0] ?? 0, message });
      return undefined;
    },
  });
  return problems;
}
