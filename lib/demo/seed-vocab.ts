// Demo (issue 13, "vocab"): Acme's channel and device vocabulary (with synonyms such as "Web" =
// "Website") and a five-phase relationship cycle map (Impulse → Discover → Initiate → Experience →
// Recommend → back to Impulse), seeded as cyclic so it opens in the loop view. Its Discover stage
// has a touchpoint written "Web" right after one written "Website": the vocabulary keeps that from
// showing as a channel gap. English or German, like the rest of the demo.
import type { Database } from "@/db/client";
import { createMap } from "@/lib/maps/create-map";
import { addTouchpoint, readMap } from "@/lib/maps/map-document";
import { buildTemplate } from "@/lib/maps/templates";
import { insertVocabularyEntries } from "@/lib/vocabularies/add-suggested-vocabulary";
import { SUGGESTED_VOCABULARY, type VocabularyLocale } from "@/lib/vocabularies/suggestions";
import type { DemoContext } from "./seed-demo";

export const DEMO_CYCLE_TITLE: Record<VocabularyLocale, string> = {
  en: "Relationship cycle: from impulse to recommendation",
  de: "Beziehungszyklus: vom Impuls zur Empfehlung",
};

const WEB_SYNONYM_TOUCHPOINT: Record<VocabularyLocale, { title: string; channel: string; activity: string }> = {
  en: { title: "Pricing page", channel: "Web", activity: "Checks the prices" },
  de: { title: "Preisseite", channel: "Web", activity: "Prüft die Preise" },
};

/** The vocabulary: seeded before any map, so every demo map's projection compares through it. */
export async function seedDemoVocabulary(db: Database, ctx: DemoContext): Promise<void> {
  const locale = ctx.locale;
  await insertVocabularyEntries(db, ctx.acmeId, [
    ...SUGGESTED_VOCABULARY.channel[locale].map((entry) => ({ kind: "channel" as const, entry })),
    ...SUGGESTED_VOCABULARY.device[locale].map((entry) => ({ kind: "device" as const, entry })),
  ]);
}

/** The cyclic five-phase map (after the other demo maps, so it is the newest). */
export async function seedDemoCycleMap(db: Database, ctx: DemoContext): Promise<{ cycleMapId: string }> {
  const locale = ctx.locale;
  const doc = buildTemplate("relationship-cycle", locale, DEMO_CYCLE_TITLE[locale]);
  const discover = readMap(doc).stages[1];
  const tp = WEB_SYNONYM_TOUCHPOINT[locale];
  addTouchpoint(doc, discover.id, undefined, { ...tp, device: "Smartphone", department: "Marketing", emotion: 1 });
  const map = await createMap(db, { workspaceId: ctx.acmeId, userId: ctx.userIds["ada@acme.example"] ?? null, title: DEMO_CYCLE_TITLE[locale], doc, ownerDepartment: "Marketing" in ctx.departmentIds ? "Marketing" : null });
  return { cycleMapId: map.id };
}
