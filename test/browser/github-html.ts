// Markdown bodies rendered as GitHub renders them, for a real browser to lay out: GitHub-flavoured
// Markdown to HTML (remark-gfm), raw HTML kept and then cleaned by GitHub's own sanitization
// allow-list (hast-util-sanitize's default schema is GitHub's: `dir` kept on every element, no
// `<bdi>`, no `style`), `dir="auto"` on headings, paragraphs and lists as GitHub adds it, and
// GitHub's stylesheet (github-markdown-css). Mermaid blocks are drawn by the `mermaid` package in
// the page, offline, as GitHub draws them in place of the block.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

const require = createRequire(import.meta.url);
export const GITHUB_CSS = readFileSync(require.resolve("github-markdown-css/github-markdown-light.css"), "utf8");
export const MERMAID_JS = require.resolve("mermaid/dist/mermaid.min.js");

type HastNode = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };

/** GitHub's `dir="auto"` on the blocks whose direction it leaves to their first strong character. */
function githubAutoDirection() {
  const AUTO = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol"]);
  const walk = (node: HastNode): void => {
    if (node.type === "element" && AUTO.has(node.tagName!) && node.properties?.dir === undefined) {
      node.properties = { ...node.properties, dir: "auto" };
    }
    for (const child of node.children ?? []) walk(child);
  };
  return (tree: HastNode) => walk(tree);
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, defaultSchema)
  .use(githubAutoDirection)
  .use(rehypeStringify);

/** The HTML GitHub would show for a Markdown body (comment, issue, check output). */
export function githubHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** A whole page: GitHub's stylesheet and the body in `.markdown-body`, as on github.com. */
export function githubPage(markdown: string, title = ""): string {
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<style>${GITHUB_CSS}\nbody { margin: 0; background: #fff; } .markdown-body { box-sizing: border-box; max-width: 900px; padding: 24px; }\n.title { font: 600 16px -apple-system, "Segoe UI", sans-serif; padding: 16px 24px 0; }</style>`,
    "</head><body>",
    title ? `<div class="title">${title.replace(/[<&]/g, (c) => (c === "<" ? "&lt;" : "&amp;"))}</div>` : "",
    `<article class="markdown-body">${githubHtml(markdown)}</article>`,
    "</body></html>",
  ].join("\n");
}
