// The demo's terminal rendering: what the app writes on GitHub (check outputs, comments, issue
// bodies) is GitHub-flavoured Markdown; `marked` parses it and `marked-terminal` lays it out for a
// terminal (headings, lists, tables, code blocks), in colour on a terminal and plain otherwise.
//
// What GitHub hides stays hidden: HTML comments (the app's markers) and the `<div dir>` wrappers
// of right-to-left bodies are dropped. Arabic text stays in logical order, as terminals expect it:
// one that lays out bidirectional text (GNOME Terminal, Konsole, mlterm) shows it right to left
// and, thanks to the directional isolates the app already puts around every login, date, hash
// and code span (U+2066..U+2069, zero-width), keeps each of them left to right; one that does
// not shows every line left to right, identifiers included.
import { Marked, type Tokens } from "marked";
import { markedTerminal } from "marked-terminal";

export interface TerminalOptions {
  /** Columns to lay tables and rules out in. */
  width: number;
  /** The margin of every line. */
  indent?: string;
  /** Colours and bold (a terminal), or plain text (a pipe, a file, NO_COLOR). */
  color: boolean;
}

/** HTML GitHub would not show as text: comments (markers) and the direction wrappers. */
const HIDDEN_HTML = /<!--[\s\S]*?-->|<\/?div\b[^>]*>/gi;

export function hiddenHtmlRemoved(html: string): string {
  return html.replace(HIDDEN_HTML, "");
}

export function markdownRenderer(options: TerminalOptions): (markdown: string) => string {
  const sgr = (open: number, close: number) => (s: string) => (options.color ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  const bold = sgr(1, 22);
  const plain = (s: string) => s;
  const marked = new Marked();
  marked.use(
    markedTerminal({
      width: options.width,
      reflowText: false,
      // `:00:` in a time is not an emoji, nor is anything else the app writes.
      emoji: false,
      // Headings marked the same way in every script (no "###", no upper case), bold on a terminal.
      showSectionPrefix: false,
      heading: (s: string) => `▌ ${bold(s)}`,
      firstHeading: (s: string) => `▌ ${bold(s)}`,
      strong: bold,
      em: sgr(3, 23),
      codespan: sgr(36, 39),
      code: sgr(36, 39),
      del: sgr(9, 29),
      blockquote: sgr(2, 22),
      hr: plain,
      link: plain,
      href: plain,
      html: plain,
      paragraph: plain,
      listitem: plain,
      table: plain,
      tab: 2,
      tableOptions: options.color ? {} : { style: { head: [], border: [] } },
    }),
  );
  // After marked-terminal's own (returning false hands a token back to it).
  marked.use({
    renderer: {
      // An HTML block or tag prints what GitHub would show of it: nothing of a marker or a wrapper.
      html(token: Tokens.HTML | Tokens.Tag): string {
        const text = hiddenHtmlRemoved(token.text);
        return text.trim() === "" ? "" : text;
      },
      // The text of a tight list item holds inline Markdown (bold, code, links) to render.
      text(token: Tokens.Text | Tokens.Escape): string | false {
        return "tokens" in token && token.tokens ? this.parser.parseInline(token.tokens) : false;
      },
      // The demo's links point at a repository that exists only in the stand-in: their text only.
      link(token: Tokens.Link): string {
        return this.parser.parseInline(token.tokens);
      },
    },
  });
  const indent = options.indent ?? "";
  return (markdown: string) => {
    const rendered = (marked.parse(markdown, { async: false }) as string).replace(/\n{3,}/g, "\n\n").replace(/^\n+|\n+$/g, "");
    return rendered
      .split("\n")
      .map((line) => `${indent}${line}`.trimEnd())
      .join("\n");
  };
}
