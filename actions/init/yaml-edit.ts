/**
 * Source-preserving edits of a YAML file. The yaml Document finds the nodes (a step, a `with:` map, a scalar), and
 * each edit is spliced into the original text at the lines those nodes span. Re-serialising the Document instead
 * would reflow what we never touched (folded scalars joined into one line, `[main]` padded to `[ main ]`), and the
 * templates are also read by people, so every line init does not change must stay exactly as written.
 *
 * Every edit returns the new text; callers re-parse between edits, so node positions are never stale.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

export function parse(text: string): Document.Parsed {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) throw new Error(`invalid YAML: ${doc.errors[0]!.message}`);
  return doc;
}

/** The source text of a node. */
export function sourceOf(text: string, node: Node | null | undefined): string {
  return node?.range ? text.slice(node.range[0], node.range[1]) : '';
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const at = text.indexOf('\n', offset);
  return at === -1 ? text.length : at + 1;
}

/** Offset just after the line holding the node's last non-blank character. */
function endOfLastLine(text: string, node: Node): number {
  let last = node.range![1] - 1;
  while (last > node.range![0] && /\s/.test(text[last]!)) last--;
  return lineEnd(text, last);
}

function indentAt(text: string, offset: number): string {
  return ' '.repeat(offset - lineStart(text, offset));
}

function isBlank(text: string, from: number): boolean {
  const to = lineEnd(text, from);
  return from < text.length && text.slice(from, to).trim() === '';
}

function splice(text: string, from: number, to: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(to);
}

/** Removes the lines from `from` to `to` and one blank line that separated them from what follows or precedes. */
function removeBlock(text: string, from: number, to: number): string {
  if (isBlank(text, to)) to = lineEnd(text, to);
  else if (from > 0 && isBlank(text, lineStart(text, from - 1))) return splice(text, lineStart(text, from - 1), to, '');
  return splice(text, from, to, '');
}

/** Removes a block sequence item (its `- ` line through its last line) and one blank line that separated it. */
export function removeItem(text: string, item: Node): string {
  return removeBlock(text, lineStart(text, item.range![0]), endOfLastLine(text, item));
}

/** Removes a key and its value together with one blank line that set it apart: a workflow section such as `env:`. */
export function removeSection(text: string, pair: Pair<Node, Node>): string {
  return removeBlock(text, lineStart(text, pair.key.range![0]), endOfLastLine(text, pair.value ?? pair.key));
}

/** Removes a key and its value from a block map. */
export function removePair(text: string, pair: Pair<Node, Node>): string {
  return splice(text, lineStart(text, pair.key.range![0]), endOfLastLine(text, pair.value ?? pair.key), '');
}

/** Replaces a scalar value in place, keeping its key and any comment after it. */
export function replaceScalar(text: string, node: Node, value: string): string {
  return splice(text, node.range![0], node.range![1], value);
}

/**
 * `lines` (already rendered, without indentation) as new pairs of a block map: at its start, its end, or before the
 * pair with the given key.
 */
export function addPairs(
  text: string,
  map: YAMLMap<Node, Node>,
  lines: string[],
  /** 'start', 'end', or the key to insert after. */
  where: string,
): string {
  const first = map.items[0]!;
  const indent = indentAt(text, first.key.range![0]);
  const rendered = lines.map((line) => `${indent}${line}\n`).join('');
  if (where === 'end') return splice(text, endOfLastLine(text, map), endOfLastLine(text, map), rendered);
  const before = where === 'start' ? first : (pairOf(map, where) ?? first);
  const at = before.key.range![0];
  // A map that starts on a `- ` line: the new first key takes that line and the old one moves below it.
  if (at !== lineStart(text, at)) return splice(text, at, at, `${rendered.trimStart()}${indent}`);
  return splice(text, at, at, rendered);
}

/** Inserts a new sequence item (rendered lines, the first without `- `) before or after an existing item. */
export function addItem(text: string, next: Node, lines: string[], where: 'before' | 'after'): string {
  const dash = lineStart(text, next.range![0]);
  const indent = ' '.repeat(next.range![0] - dash - 2);
  const rendered = lines.map((line, i) => `${indent}${i === 0 ? '- ' : '  '}${line}\n`).join('');
  const at = where === 'before' ? dash : endOfLastLine(text, next);
  return splice(text, at, at, rendered);
}

/** Replaces every item of a block sequence with `items`, each rendered the way the first item was. */
export function replaceItems(text: string, seq: Node, items: string[]): string {
  if (!isSeq(seq) || seq.items.length === 0) throw new Error('replaceItems needs a non-empty block sequence');
  const first = seq.items[0] as Node;
  const dash = lineStart(text, first.range![0]);
  const prefix = text.slice(dash, first.range![0]);
  const quote = isScalar(first) && first.type === 'QUOTE_DOUBLE' ? '"' : "'";
  const rendered = items.map((item) => `${prefix}${quote}${item.replaceAll(quote, quote + quote)}${quote}\n`).join('');
  return splice(text, dash, endOfLastLine(text, seq), rendered);
}

/** Removes the lines of a block scalar (a `run: |` script) for which `drop` is true. */
export function removeScalarLines(text: string, node: Node, drop: (line: string) => boolean): string {
  const from = lineEnd(text, node.range![0]);
  const to = endOfLastLine(text, node);
  const kept = text
    .slice(from, to)
    .split(/(?<=\n)/)
    .filter((line) => !drop(line));
  return splice(text, from, to, kept.join(''));
}

/** The value of `key` in a map node, as a node. */
export function child(node: unknown, key: string): Node | undefined {
  return isMap(node) ? (node.get(key, true) ?? undefined) : undefined;
}

export function pairOf(node: unknown, key: string): Pair<Node, Node> | undefined {
  if (!isMap(node)) return undefined;
  return (node.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && p.key.value === key);
}

export { isMap, isScalar, isSeq };
