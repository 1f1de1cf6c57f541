// The label of a search result's field (a lane, a persona section…) in the UI language.
import type { useTranslations } from "next-intl";

const KNOWN = new Set([
  "title", "outcome", "stage", "activity", "goal", "informationNeeded", "thoughts", "painPoints", "opportunities", "systems",
  "kpis", "evidence", "channel", "device", "department", "name", "profile", "demographics", "job", "goals", "pains",
  "information", "competitors", "description", "comment",
]);

export function fieldLabel(t: ReturnType<typeof useTranslations<"search">>, field: string): string {
  if (field.startsWith("lane:")) return t("fields.lane");
  return KNOWN.has(field) ? t(`fields.${field}` as "fields.title") : field;
}
