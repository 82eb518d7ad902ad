/**
 * Following a recipe's JSON paths through an untrusted body: own properties only (never
 * `__proto__` or anything inherited), `'*'` for any key or item, and caps on matches and steps so
 * a path with wildcards over a huge body stays cheap.
 */
import { isPlainObject } from '../sources/generic/identity';
import { WILDCARD, type JsonPath, type RelativePath } from './types';

export const MAX_MATCHES = 1000;
const MAX_STEPS = 50_000;

/** One node a path leads to, with every node on the way (root first) and the keys taken. */
export interface PathMatch {
  readonly node: unknown;
  readonly chain: readonly unknown[];
  readonly keys: ReadonlyArray<string | number>;
}

/** The child of a node under one exact key or index, or undefined. */
export function childOf(node: unknown, key: string | number): unknown {
  if (Array.isArray(node)) return typeof key === 'number' && Number.isInteger(key) && key >= 0 && key < node.length ? node[key] : undefined;
  if (isPlainObject(node) && typeof key === 'string' && key !== '__proto__' && Object.hasOwn(node, key)) return node[key];
  return undefined;
}

/** The node an exact path leads to (no wildcards), or undefined. */
export function valueAt(node: unknown, path: JsonPath): unknown {
  let current = node;
  for (const key of path) {
    current = childOf(current, key);
    if (current === undefined) return undefined;
  }
  return current;
}

export interface Resolved {
  readonly matches: PathMatch[];
  /** More matches than MAX_MATCHES, or more steps than the budget. */
  readonly truncated: boolean;
}

/** Every node a path (with wildcards) leads to, in document order. */
export function resolvePath(body: unknown, path: JsonPath): Resolved {
  const matches: PathMatch[] = [];
  let steps = 0;
  let truncated = false;
  const walk = (node: unknown, depth: number, chain: unknown[], keys: Array<string | number>): void => {
    if (truncated) return;
    if (++steps > MAX_STEPS) {
      truncated = true;
      return;
    }
    if (depth === path.length) {
      if (matches.length >= MAX_MATCHES) truncated = true;
      else matches.push({ node, chain: [...chain, node], keys: [...keys] });
      return;
    }
    const key = path[depth]!;
    if (key === WILDCARD) {
      if (Array.isArray(node)) node.forEach((child, index) => walk(child, depth + 1, [...chain, node], [...keys, index]));
      else if (isPlainObject(node)) for (const raw of Object.keys(node)) if (raw !== '__proto__') walk(node[raw], depth + 1, [...chain, node], [...keys, raw]);
      return;
    }
    const child = childOf(node, key);
    if (child !== undefined) walk(child, depth + 1, [...chain, node], [...keys, key]);
  };
  walk(body, 0, [], []);
  return { matches, truncated };
}

/** The node a relative path leads to from a match: up the chain, then down an exact path. */
export function relativeValue(match: PathMatch, relative: RelativePath): unknown {
  if (relative.up < 0 || relative.up >= match.chain.length) return undefined;
  return valueAt(match.chain[match.chain.length - 1 - relative.up], relative.path);
}

/** The key under which the node `up` levels above the series node sits, or undefined. */
export function keyAbove(match: PathMatch, up: number): string | number | undefined {
  const index = match.keys.length - 1 - up;
  return index >= 0 ? match.keys[index] : undefined;
}

/** The chain of nodes along an exact path (root first, the node last), or null when it leads nowhere. */
export function chainOf(body: unknown, path: JsonPath): PathMatch | null {
  const chain: unknown[] = [body];
  let current = body;
  for (const key of path) {
    current = childOf(current, key);
    if (current === undefined) return null;
    chain.push(current);
  }
  return { node: current, chain, keys: [...path] };
}
