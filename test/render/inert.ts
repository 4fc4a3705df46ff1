// Asserting that user text came out inert: outside fenced code blocks (where GitHub links
// nothing), no raw mention, issue reference, HTML tag or entity may remain.
import { expect } from "vitest";

export function withoutCodeBlocks(markdown: string): string {
  return markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, "");
}

export function expectInert(markdown: string, hostile: string): void {
  const prose = withoutCodeBlocks(markdown);
  expect(prose).not.toContain(hostile);
  // A mention or reference needs '@' or '#' directly followed by a word character.
  expect(prose).not.toMatch(/(?<!&)[@#][A-Za-z0-9]/);
  expect(prose).not.toMatch(/<img/i);
  expect(prose).not.toContain("&#64;x");
  expect(prose).not.toMatch(/(^|[^\\])`b/);
}
