// The process a map belongs to, from its title: current- and future-state maps of one process are
// often titled "Onboarding (current)" and "Onboarding (future state)" / "Onboarding – Soll".
const STATE_SUFFIX =
  /\s*(?:[([]\s*(?:current|future|ist|soll|as[- ]is|to[- ]be)(?:[\s-]*(?:state|zustand))?\s*[)\]]|[-–—:|]\s*(?:current|future|ist|soll|as[- ]is|to[- ]be)(?:[\s-]*(?:state|zustand))?)\s*$/i;

/** The title without a trailing state marker ("SaaS onboarding (future state)" → "SaaS onboarding"). */
export function processTitle(title: string): string {
  const stripped = title.replace(STATE_SUFFIX, "").trim();
  return stripped || title.trim();
}
