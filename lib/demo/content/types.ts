// The shape of the demo workspace's content in one language: every locale module (en.ts, de.ts)
// exports one DemoContent, so the seed code stays one path whatever the language.
import type { DemoMapsContent } from "../seed-maps";
import type { DemoPersonasContent } from "../seed-personas";

export type DemoLocale = "en" | "de";

/** Department keys, stable across languages (people are placed by key). */
export type DemoDepartmentKey = "marketing" | "sales" | "service" | "product" | "it" | "finance" | "hr" | "management";

export type DemoContent = {
  locale: DemoLocale;
  /** The workspace's departments in this language (touchpoints and stakeholders use these names). */
  departments: { key: DemoDepartmentKey; name: string; color: string }[];
  maps: DemoMapsContent;
  personas: DemoPersonasContent;
};
