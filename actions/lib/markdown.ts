/** A GitHub-flavoured Markdown table; cell text is escaped so a `|` or newline cannot break the layout. */
export function markdownTable(headers: string[], rows: string[][]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
  return [
    `| ${headers.map(escape).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

export function codeBlock(text: string, language = ''): string {
  const fence = text.includes('```') ? '````' : '```';
  return `${fence}${language}\n${text.trimEnd()}\n${fence}`;
}

/** Inline code that survives backticks in the text (GFM: a longer fence and padding). */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A link, or the plain text when there is nowhere to link to. */
export function markdownLink(text: string, url: string | undefined): string {
  return url ? `[${text}](${url})` : text;
}

/** Length as GitHub counts it for its body limits: characters (code points), not UTF-16 units. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Splits Markdown into its top-level blocks (separated by blank lines), keeping a fenced code block or an HTML
 * `<details>` element whole even when it holds blank lines, so joining any prefix of the blocks is valid markup.
 */
export function markdownBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let fence: string | undefined;
  let details = 0;
  const flush = () => {
    if (current.length) blocks.push(current.join('\n'));
    current = [];
  };
  for (const line of text.split('\n')) {
    const opener = line.match(/^\s{0,3}(`{3,}|~{3,})/)?.[1];
    if (fence) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length && !line.trim().slice(opener.length))
        fence = undefined;
    } else if (opener) {
      fence = opener;
    } else {
      details += (line.match(/<details\b/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
      if (details < 0) details = 0;
    }
    if (!fence && details === 0 && line.trim() === '') flush();
    else current.push(line);
  }
  flush();
  return blocks;
}
