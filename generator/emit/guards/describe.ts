/**
 * Static facts about nodes that the guard code needs: the `expected` texts of issues, and which
 * JSON kinds of value a node can accept (to route a failed union to the one branch that fits).
 */
import { JSON_TYPES } from '../../json.ts';
import { jsonKinds } from '../../model/json-kinds.ts';
import { jsonText, numberText } from '../code-print.ts';
import type {
  Bound,
  JsonType,
  JsonValue,
  NumberNode,
  SchemaNode,
  StringNode,
} from '../../model/schema-types.ts';
import type { NamedSchema } from '../../model/types.ts';

/** Value kinds as the runtime's `jsonKind` reports them: the JSON types. */
export type ValueKind = JsonType;

export const VALUE_KINDS: readonly ValueKind[] = JSON_TYPES;

/** The kinds of value `node` can accept, as JSON Schema reads it (an over-approximation: constraints are ignored). */
export function acceptedKinds(
  node: SchemaNode,
  schemas: ReadonlyMap<string, NamedSchema>,
): Set<ValueKind> {
  return jsonKinds(node, (name) => schemas.get(name)?.node, 'guards');
}

const MAX_LISTED = 6;
const MAX_VALUE_TEXT = 40;

/** One JSON value as an issue shows it: `"abc"`, `5`, `null`, `{"a":1}` (shortened). */
export function valueText(value: JsonValue): string {
  const text = jsonText(value);
  return text.length > MAX_VALUE_TEXT ? `${text.slice(0, MAX_VALUE_TEXT - 1)}…` : text;
}

/** `"a" | "b" | null` (or with another separator), or the first few and a count. */
export function valuesText(values: readonly JsonValue[], separator = ' | '): string {
  const shown = values.slice(0, MAX_LISTED).map(valueText);
  if (values.length > MAX_LISTED) shown.push(`… (${values.length} values)`);
  return shown.join(separator);
}

/** A short name for what `node` accepts: `string`, `Plan`, `"a" | "b"`, `Cat | Dog | null`. */
export function summary(node: SchemaNode, depth = 0): string {
  const core = coreSummary(node, depth);
  return node.nullable && core !== 'any value' ? `${core} | null` : core;
}

function coreSummary(node: SchemaNode, depth: number): string {
  switch (node.kind) {
    case 'any':
      return 'any value';
    case 'never':
      return 'no value';
    case 'ref':
      return node.target;
    case 'enum':
      return node.values.length === 0 ? 'no value' : valuesText(node.values);
    case 'string':
      return depth > 0 ? withRules(node) : 'string';
    case 'null':
    case 'boolean':
    case 'array':
    case 'object':
      return node.kind;
    case 'number':
      return depth > 0 ? withRules(node) : node.integer ? 'integer' : 'number';
    case 'union':
      return depth > 1 ? 'one of several schemas' : listSummary(node.variants, ' | ', depth);
    case 'allOf':
      return depth > 1 ? 'all of several schemas' : listSummary(node.members, ' & ', depth);
    case 'not':
      return node.reason ?? `not ${wrap(summary(node.node, depth + 1))}`;
  }
}

/** Inside a union: `string (at most 2 characters)`, `integer (>= 0, multiple of 2)`. */
function withRules(node: StringNode | NumberNode): string {
  const rules: string[] = [];
  if (node.kind === 'string') {
    if (node.minLength !== undefined) rules.push(`at least ${node.minLength} characters`);
    if (node.maxLength !== undefined) rules.push(`at most ${node.maxLength} characters`);
    if (node.pattern) rules.push(`matching /${node.pattern.source}/${node.pattern.flags}`);
  } else {
    if (node.minimum)
      rules.push(`${node.minimum.exclusive ? '>' : '>='} ${numberText(node.minimum.value)}`);
    if (node.maximum)
      rules.push(`${node.maximum.exclusive ? '<' : '<='} ${numberText(node.maximum.value)}`);
    if (node.multipleOf !== undefined) rules.push(`multiple of ${numberText(node.multipleOf)}`);
  }
  const type = node.kind === 'string' ? 'string' : node.integer ? 'integer' : 'number';
  return rules.length === 0 ? type : `${type} (${rules.join(', ')})`;
}

function listSummary(nodes: readonly SchemaNode[], separator: string, depth: number): string {
  const parts = [...new Set(nodes.slice(0, MAX_LISTED).map((n) => wrap(summary(n, depth + 1))))];
  if (nodes.length > MAX_LISTED) parts.push(`… (${nodes.length} schemas)`);
  return parts.join(separator);
}

function wrap(text: string): string {
  return / [|&] /.test(text) ? `(${text})` : text;
}

/** `integer >= 0`, `number < 10.5`. */
export function boundText(node: NumberNode, bound: Bound, lower: boolean): string {
  const op = lower ? (bound.exclusive ? '>' : '>=') : bound.exclusive ? '<' : '<=';
  return `${node.integer ? 'integer' : 'number'} ${op} ${numberText(bound.value)}`;
}

export function countText(
  noun: 'character' | 'item' | 'property',
  least: boolean,
  count: number,
): string {
  const plural = count === 1 ? noun : noun === 'property' ? 'properties' : `${noun}s`;
  const owner = noun === 'character' ? 'string' : noun === 'item' ? 'array' : 'object';
  return `${owner} with ${least ? 'at least' : 'at most'} ${count} ${plural}`;
}
