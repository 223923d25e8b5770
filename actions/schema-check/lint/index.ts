import type { TransactionPolicy } from '../../lib/migrations/executor';
import type { Catalog } from '../../lib/catalog';
import type { Migration } from '../../lib/migrations/model';
import type { Finding } from '../findings';
import { DeployState, notNullProofsIn } from './context';
import { longIdentifiers } from './identifiers';
import { loadSqlParser } from './parser';
import { isRuleId, OBSERVED_REWRITE, OPT_IN_RULES, RULES, type RuleId, type Violation } from './rules';
import { statementViolations } from './statement-rules';
import { parseMigration, type ParsedStatement } from './statements';

export { OBSERVED_REWRITE, RULES } from './rules';

export interface LintOptions {
  /** Rule ids turned off everywhere (`lint-ignore`). */
  ignore: string[];
  /** Opt-in rule ids turned on (`lint-enable`). */
  enable?: string[];
  /** The column's type before the change (format_type text), when known (from the embedded database). */
  columnType?: (table: string, column: string) => string | undefined;
  /** The embedded database's schema before the change: existing CHECK constraints, for SET NOT NULL. */
  before?: Catalog;
  /** The deploy's transaction policy: which migrations share a transaction (default all, as Drizzle). */
  policy?: TransactionPolicy;
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

/** The rules that run: every default rule and the opt-in ones enabled, minus those ignored; unknown ids are findings. */
function activeRules(options: LintOptions): { active: Set<RuleId>; findings: Finding[] } {
  const findings: Finding[] = [];
  const named = (input: string, ids: string[]) =>
    ids.filter((id) => {
      if (isRuleId(id)) return true;
      // Judged from what PostgreSQL did, after lint (effects.ts); lint-ignore turns it off like any rule.
      if (id === OBSERVED_REWRITE && input === 'lint-ignore') return false;
      findings.push({
        check: 'lint',
        rule: 'unknown-rule',
        severity: 'warning',
        message: `${input} names "${id}", which is not a rule; known rules: ${Object.keys(RULES).join(', ')}`,
      });
      return false;
    });
  const enabled = new Set(named('lint-enable', options.enable ?? []));
  const ignored = new Set(named('lint-ignore', options.ignore));
  const optIn = new Set(OPT_IN_RULES);
  const active = new Set(
    (Object.keys(RULES) as RuleId[]).filter((id) => !ignored.has(id) && (!optIn.has(id) || enabled.has(id))),
  );
  return { active, findings };
}

/** Lints the change's new migrations (one deploy, in order) with PostgreSQL's own parser. */
export async function lintMigrations(migrations: Migration[], options: LintOptions): Promise<LintResult> {
  const { active, findings } = activeRules(options);
  const suppressed: Suppressed[] = [];
  // A change without new migrations has nothing to parse: the parser's wasm is not even loaded.
  if (migrations.length === 0) return { findings, suppressed, statements: 0 };
  const parser = await loadSqlParser();
  const state = new DeployState(
    await notNullProofsIn(parser, options.before),
    (table, column) => options.columnType?.(table, column),
    OPT_IN_RULES.some((id) => active.has(id)),
    options.policy ?? 'all',
  );
  let statements = 0;
  for (const migration of migrations) {
    const parsed = await parseMigration(parser, migration);
    for (const failure of parsed.failures) {
      findings.push({
        check: 'lint',
        rule: 'syntax-error',
        severity: failure.inDoBlock ? 'warning' : 'error',
        migration: migration.name,
        file: migration.file,
        line: failure.line,
        message: failure.inDoBlock
          ? `PL/pgSQL's parser rejects this DO block, so the statements in it were not linted: ${failure.message}`
          : `PostgreSQL's parser rejects this statement: ${failure.message}`,
      });
    }
    state.startMigration(migration);
    const lines = migration.sql.split('\n');
    for (const statement of parsed.statements) {
      statements++;
      const violations = [
        ...statementViolations(statement.node, state.contextFor(statement)),
        ...(active.has('identifier-too-long') ? await longIdentifiers(parser, statement) : []),
      ].filter((v) => active.has(v.rule));
      state.record(statement);
      for (const violation of violations) report(violation, statement, lines, findings, suppressed);
    }
  }
  return { findings, suppressed, statements };
}

/** A finding, unless an ignore comment with a reason above the statement (or above its DO block) silences it. */
function report(
  violation: Violation,
  statement: ParsedStatement,
  lines: string[],
  findings: Finding[],
  suppressed: Suppressed[],
): void {
  const { migration } = statement;
  const line = violation.line ?? statement.line;
  const comments = [statement.line, statement.doLine].flatMap((l) => (l ? ignoreCommentsAbove(lines, l) : []));
  const comment = comments.find((c) => c.rules.includes(violation.rule));
  if (comment?.reason) {
    suppressed.push({ rule: violation.rule, file: migration.file, line, reason: comment.reason });
    return;
  }
  findings.push({
    check: 'lint',
    rule: violation.rule,
    severity: RULES[violation.rule].severity,
    migration: migration.name,
    file: migration.file,
    line,
    message: `${migration.name}: ${violation.message}`,
    alternative: RULES[violation.rule].alternative,
  });
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
