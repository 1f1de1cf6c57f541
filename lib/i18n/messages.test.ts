// Every message exists in both languages: the same namespaces (files), the same keys in each, no
// empty strings, and the same ICU placeholders ({name}, plural selectors) on both sides, so a German
// user never sees a key path or a raw "{count}".
import fs from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./config";
import { loadMessages } from "./messages";

type Tree = { [key: string]: string | Tree };

/** Flattens a message tree into "namespace.key.sub" → text. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

/** The argument names an ICU message uses ({name}, {count, plural, …}), sorted; plural branches ({=0 {…}}) are not arguments. */
/** The ICU argument names a message uses (select/plural case bodies are text, not arguments). */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if ("value" in el && typeof el.value === "string" && el.type !== TYPE.literal) names.add(el.value);
      if ("options" in el) for (const option of Object.values(el.options)) visit(option.value);
      if ("children" in el) visit(el.children);
    }
  };
  visit(parse(message, { ignoreTag: true }));
  return [...names].sort();
}

const dir = path.join(process.cwd(), "messages");
const namespaces = Object.fromEntries(LOCALES.map((l) => [l, fs.readdirSync(path.join(dir, l)).filter((f) => f.endsWith(".json")).sort()]));
const flat = Object.fromEntries(LOCALES.map((l) => [l, flatten(loadMessages(l) as Tree)]));

describe("messages", () => {
  it("has the same namespace files in every language", () => {
    for (const locale of LOCALES) expect(namespaces[locale], locale).toEqual(namespaces.en);
    expect(namespaces.en.length).toBeGreaterThan(5);
  });

  for (const locale of LOCALES) {
    for (const other of LOCALES.filter((l) => l !== locale)) {
      it(`has every ${locale} key in ${other}`, () => {
        const missing = [...flat[locale].keys()].filter((key) => !flat[other].has(key));
        expect(missing).toEqual([]);
      });
    }
    it(`has no empty ${locale} messages`, () => {
      expect([...flat[locale]].filter(([, text]) => !text.trim()).map(([key]) => key)).toEqual([]);
    });
  }

  it("uses the same placeholders in both languages", () => {
    const mismatched = [...flat.en.keys()]
      .filter((key) => flat.de.has(key))
      .filter((key) => placeholders(flat.en.get(key)!).join() !== placeholders(flat.de.get(key)!).join())
      .map((key) => `${key}: en {${placeholders(flat.en.get(key)!).join(", ")}} de {${placeholders(flat.de.get(key)!).join(", ")}}`);
    expect(mismatched).toEqual([]);
  });
});
