import type { Migration } from '../../lib/migrations/model';
import type { Finding } from '../findings';
import { loadSqlParser } from './parser';
import { isRuleId, RULES, statementViolations, tablesCreated, type RuleId } from './rules';
import { parseMigration, type ParsedStatement } from './statements';

export { RULES } from './rules';

export interface LintOptions {
  /** Rule ids turned off everywhere (`lint-ignore`). */
  ignore: string[];
  /** The column's type before the change, when known (from the embedded database). */
  columnType?: (table: string, column: string) => string | undefined;
}

export interface Suppressed {
  rule: string;
  file: string;
  line: number;
  reason: string;
}

export interface LintResult {
  findings: Finding[];
  /** Findings silenced by a `-- schema-check:ignore` comment, listed in the report so reviewers see them. */
  suppressed: Suppressed[];
  statements: number;
}

const IGNORE_COMMENT = /^\s*--\s*schema-check:ignore\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(.*)$/i;

interface IgnoreComment {
  rules: string[];
  reason: string;
  line: number;
}

/** The `-- schema-check:ignore` comments in the run of comment lines right above a statement. */
function ignoreCommentsAbove(lines: string[], statementLine: number): IgnoreComment[] {
  const found: IgnoreComment[] = [];
  for (let index = statementLine - 2; index >= 0; index--) {
    const text = lines[index]!.trim();
    if (!text.startsWith('--') || text.startsWith('-->')) break;
    const match = text.match(IGNORE_COMMENT);
    if (match)
      found.push({ rules: match[1]!.split(',').map((r) => r.trim()), reason: match[2]!.trim(), line: index + 1 });
  }
  return found;
}

/** Lints the change's new migrations with PostgreSQL's own parser. */
export async function lintMigrations(migrations: Migration[], options: LintOptions): Promise<LintResult> {
  const parser = await loadSqlParser();
  const ignored = new Set(options.ignore);
  const findings: Finding[] = [];
  const suppressed: Suppressed[] = [];
  for (const rule of options.ignore) {
    if (!isRuleId(rule)) {
      findings.push({
        check: 'lint',
        rule: 'unknown-rule',
        severity: 'warning',
        message: `lint-ignore names "${rule}", which is not a rule; known rules: ${Object.keys(RULES).join(', ')}`,
      });
    }
  }
  const parsed: ParsedStatement[] = [];
  for (const migration of migrations) {
    const { statements, failures } = await parseMigration(parser, migration);
    parsed.push(...statements);
    for (const failure of failures) {
      findings.push({
        check: 'lint',
        rule: 'syntax-error',
        severity: 'error',
        migration: migration.name,
        file: migration.file,
        line: failure.line,
        message: `PostgreSQL's parser rejects this statement: ${failure.message}`,
      });
    }
  }
  const created = new Set(parsed.flatMap((s) => tablesCreated(s.node)));
  for (const statement of parsed) {
    const { migration } = statement;
    const violations = statementViolations(statement.node, {
      isNewTable: (table) => created.has(table),
      noTransaction: migration.noTransaction,
      columnType: (table, column) => options.columnType?.(table, column),
    });
    if (violations.length === 0) continue;
    const lines = migration.sql.split('\n');
    const comments = ignoreCommentsAbove(lines, statement.line);
    for (const violation of violations) {
      if (ignored.has(violation.rule)) continue;
      const comment = comments.find((c) => c.rules.includes(violation.rule));
      if (comment?.reason) {
        suppressed.push({ rule: violation.rule, file: migration.file, line: statement.line, reason: comment.reason });
        continue;
      }
      findings.push(toFinding(violation.rule, violation.message, statement));
      if (comment) {
        findings.push({
          check: 'lint',
          rule: 'ignore-without-reason',
          severity: 'warning',
          migration: migration.name,
          file: migration.file,
          line: comment.line,
          message: `\`-- schema-check:ignore ${violation.rule}\` needs a reason after the rule id, so reviewers know why it is safe here; it was not applied`,
        });
      }
    }
  }
  return { findings, suppressed, statements: parsed.length };
}

function toFinding(rule: RuleId, message: string, statement: ParsedStatement): Finding {
  return {
    check: 'lint',
    rule,
    severity: RULES[rule].severity,
    migration: statement.migration.name,
    file: statement.migration.file,
    line: statement.line,
    message: `${statement.migration.name}: ${message}`,
    alternative: RULES[rule].alternative,
  };
}
