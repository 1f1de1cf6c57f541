// The demo content for a locale (DEMO_LOCALE, or a German LANG/LC_ALL: see env.ts demoLocale).
import { DE } from "./de";
import { EN } from "./en";
import type { DemoContent, DemoLocale } from "./types";

export type { DemoContent, DemoLocale } from "./types";

export function demoContent(locale: DemoLocale): DemoContent {
  return locale === "de" ? DE : EN;
}
