// Every user-visible string goes through next-intl. This reads every page and component with the
// TypeScript parser and fails on JSX text or on a text attribute (aria-label, title, placeholder,
// alt) written as a literal, so an English word cannot slip into the German product unnoticed.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** Literals that are the same in every language: the product's name, formats, examples. */
const SAME_IN_EVERY_LANGUAGE = new Set(["Journeyboard", "PDF", "PNG", "CSV", "XLSX", "JSON", "SVG", "example.com", "Ctrl", "K", "Esc"]);
const TEXT_ATTRIBUTES = new Set(["aria-label", "title", "placeholder", "alt", "aria-description"]);
const HAS_WORD = /\p{L}{2,}/u;

function sourceFiles(): string[] {
  return execFileSync("git", ["ls-files", "app", "components"], { encoding: "utf8" })
    .split("\n")
    .filter((f) => f.endsWith(".tsx") && !f.includes(".test."));
}

function literalsIn(file: string, text = readFileSync(file, "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const value = text.trim();
    if (!HAS_WORD.test(value) || SAME_IN_EVERY_LANGUAGE.has(value)) return;
    found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${value.slice(0, 80)}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.getText());
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
      report(node, node.initializer.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("user-visible strings", () => {
  it("are translated, not written into pages and components", () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => literalsIn(file))).toEqual([]);
  });

  it("the check finds a literal when there is one", () => {
    const found = literalsIn("x.tsx", '<button aria-label="Close" title={t("x")}>Save now {count}</button>');
    expect(found).toEqual(["x.tsx:1: Close", "x.tsx:1: Save now"]);
  });
});
