import type { TypeName } from 'libpg-query';
import { typeParts } from './sql-tree';

/** format_type text of the old type → base name and modifiers: `character varying(255)` → varchar [255]. */
function oldTypeParts(text: string): { name: string; mods: number[] } {
  const match = text.match(/^([a-z ]+?)\s*(?:\(([\d,\s]+)\))?$/i);
  const base = (match?.[1] ?? text).toLowerCase();
  const aliases: Record<string, string> = { 'character varying': 'varchar', character: 'bpchar', integer: 'int4' };
  const mods = match?.[2] ? match[2].split(',').map((n) => Number(n.trim())) : [];
  return { name: aliases[base] ?? base, mods };
}

/** Type changes PostgreSQL makes without rewriting the table or rechecking rows. */
export function isSafeWidening(oldType: string | undefined, newType: TypeName | undefined, hasUsing: boolean): boolean {
  if (!oldType || hasUsing) return false;
  const from = oldTypeParts(oldType);
  const to = typeParts(newType);
  if (from.name === 'varchar' || from.name === 'text') {
    if (to.name === 'text') return true;
    if (to.name === 'varchar')
      return to.mods.length === 0 || (from.name === 'varchar' && from.mods.length > 0 && to.mods[0]! >= from.mods[0]!);
  }
  if (from.name === 'numeric' && to.name === 'numeric') {
    if (to.mods.length === 0) return true;
    const [p1 = 0, s1 = 0] = from.mods;
    const [p2 = 0, s2 = 0] = to.mods;
    return from.mods.length > 0 && s2 === s1 && p2 >= p1;
  }
  return from.name === 'cidr' && to.name === 'inet';
}
