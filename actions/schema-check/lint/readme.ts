import { markdownTable } from '../../lib/markdown';
import { RULES, type RuleId } from './rules';

/** The README's table of lint rules, generated from their definitions so the two cannot disagree. */
export function lintRulesMarkdown(): string {
  return markdownTable(
    ['rule', 'severity', 'why it matters', 'safe alternative'],
    (Object.keys(RULES) as RuleId[]).map((id) => {
      const rule = RULES[id];
      const severity = 'optIn' in rule ? `${rule.severity} (opt-in)` : rule.severity;
      return [`\`${id}\``, severity, rule.why, rule.alternative];
    }),
  );
}
