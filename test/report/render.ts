// Looks at a report the way GitHub shows it: rendered as GitHub-flavoured Markdown, every Mermaid block through
// Mermaid's own parser, a comment within GitHub's 65,536 characters.
import { Window } from 'happy-dom';
import { marked, type Token, type Tokens } from 'marked';
import { expect } from 'vitest';
import { characterCount } from '../../actions/lib/markdown';
import { GITHUB_COMMENT_LIMIT } from '../../actions/lib/report';

type Mermaid = (typeof import('mermaid'))['default'];
let mermaid: Promise<Mermaid> | undefined;

/** Mermaid sanitises labels with DOMPurify, which needs a DOM: a happy-dom window stands in for the browser's. */
function loadMermaid(): Promise<Mermaid> {
  mermaid ??= (async () => {
    const window = new Window();
    Object.assign(globalThis, { window, document: window.document });
    const { default: loaded } = await import('mermaid');
    loaded.initialize({ startOnLoad: false });
    return loaded;
  })();
  return mermaid;
}

export interface RenderedReport {
  tokens: Token[];
  html: string;
  /** The text of every fenced `mermaid` block. */
  diagrams: string[];
  tables: Tokens.Table[];
}

/** Renders `markdown` as GitHub does (GFM) and checks that every code fence closes and every diagram parses. */
export async function renderReport(markdown: string): Promise<RenderedReport> {
  const tokens = marked.lexer(markdown, { gfm: true });
  const html = marked.parser(tokens, { gfm: true });
  const all: Token[] = [];
  // walkTokens returns the callbacks' results; ours returns nothing, so there is nothing to await.
  void marked.walkTokens(tokens, (t) => {
    all.push(t);
  });
  const codes = all.filter((t): t is Tokens.Code => t.type === 'code');
  // A fence left open swallows the rest of the document: GitHub shows raw text from there on.
  for (const code of codes) expect(code.raw.trimEnd(), 'a code fence that never closes').toMatch(/(`{3,}|~{3,})$/);
  const diagrams = codes.filter((c) => c.lang === 'mermaid').map((c) => c.text);
  const parser = await loadMermaid();
  for (const diagram of diagrams) {
    // Mermaid's maxTextSize: past it GitHub shows "Maximum text size in diagram exceeded" instead of the diagram.
    expect(diagram.length, 'a diagram longer than Mermaid renders').toBeLessThanOrEqual(50_000);
    await expect(parser.parse(diagram), `Mermaid rejects:\n${diagram}`).resolves.toBeTruthy();
  }
  return { tokens, html, diagrams, tables: all.filter((t): t is Tokens.Table => t.type === 'table') };
}

/** A pull request comment: rendered like a report, and within GitHub's limit. */
export async function renderComment(body: string): Promise<RenderedReport> {
  expect(characterCount(body)).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
  return renderReport(body);
}

/** The visible text of rendered HTML, for asserting what a reader sees. */
export function visibleText(html: string): string {
  return html
    .replace(/<\/?(code|strong|em|a)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}
