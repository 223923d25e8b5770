import { quoteIdent, type SqlClient } from '../db/client';

const ROLE = String.raw`(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)`;
const LIST = String.raw`${ROLE}(?:\s*,\s*${ROLE})*`;
const MENTIONS = [
  new RegExp(String.raw`\bgrant\b[^;]*?\bto\s+(${LIST})`, 'gi'),
  new RegExp(String.raw`\brevoke\b[^;]*?\bfrom\s+(${LIST})`, 'gi'),
  new RegExp(String.raw`\bcreate\s+(?:role|user|group)\s+(?:if\s+not\s+exists\s+)?(${ROLE})`, 'gi'),
  new RegExp(String.raw`\bcreate\s+policy\b[^;]*?\bto\s+(${LIST})`, 'gi'),
  new RegExp(String.raw`\bowner\s+to\s+(${ROLE})`, 'gi'),
  new RegExp(String.raw`\bin\s+schema\b[^;]*?\b(?:to|from)\s+(${LIST})`, 'gi'),
];
// Words that stand for a role without naming one.
const NOT_ROLES = new Set(['current_user', 'session_user', 'current_role']);

/**
 * Roles that the SQL grants to, revokes from, creates, gives objects to or writes policies for, in order of first
 * appearance (unquoted names lower-cased, `public` for PUBLIC). Their privileges are what drift-check compares:
 * other roles' (a hosting platform's, say) are the server's business, not the migrations'.
 */
export function rolesMentioned(sqls: string[]): string[] {
  const roles = new Set<string>();
  for (const sql of sqls) {
    const text = sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const pattern of MENTIONS) {
      for (const match of text.matchAll(pattern)) {
        for (const name of (match[1] ?? '').match(new RegExp(ROLE, 'gi')) ?? []) roles.add(roleName(name));
      }
    }
  }
  for (const word of NOT_ROLES) roles.delete(word);
  return [...roles];
}

function roleName(text: string): string {
  return text.startsWith('"') ? text.slice(1, -1).replace(/""/g, '"') : text.toLowerCase();
}

/**
 * Creates the roles that do not exist yet (never `public`), so GRANT and CREATE POLICY statements naming them run.
 * For replay: `createRoles(client, rolesMentioned(migrations.map((m) => m.sql)))` before the first migration.
 */
export async function createRoles(client: SqlClient, roles: string[]): Promise<void> {
  const wanted = roles.filter((r) => r !== 'public');
  if (wanted.length === 0) return;
  const existing = await client.query<{ name: string }>(
    `SELECT rolname AS name FROM pg_catalog.pg_roles WHERE rolname IN (SELECT pg_catalog.jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(wanted)],
  );
  const have = new Set(existing.map((r) => r.name));
  for (const role of wanted) if (!have.has(role)) await client.exec(`CREATE ROLE ${quoteIdent(role)}`);
}
