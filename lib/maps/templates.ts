// Built-in map templates. Each builds a complete map document (stages, touchpoints with channels,
// devices, departments, sample emotions and KPIs) in the user's language; names and descriptions
// of the templates themselves are in messages/{en,de}/maps.json under `templates.<key>`.
// Browser-safe (the template picker renders previews from the same data).
import type * as Y from "yjs";
import { addStage, addTouchpoint, createMapDocument, readMap, summarizeEmotions, type TouchpointInput } from "./map-document";

export const TEMPLATE_KEYS = ["blank", "saas-b2b", "ecommerce", "relationship-cycle"] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];
export type TemplateLocale = "en" | "de";

type Bi = { en: string; de: string };
type TemplateTouchpoint = Omit<TouchpointInput, "title" | "activity" | "goal" | "thoughts" | "channel" | "device"> & {
  title: Bi;
  channel: Bi;
  device: Bi;
  activity?: Bi;
  goal?: Bi;
  thoughts?: Bi;
};
type TemplateStage = { name: Bi; touchpoints: TemplateTouchpoint[] };
type TemplateSpec = { outcome: Bi; cyclic: boolean; stages: TemplateStage[] };

const WEB: Bi = { en: "Website", de: "Website" };
const EMAIL: Bi = { en: "E-mail", de: "E-Mail" };
const PHONE: Bi = { en: "Phone", de: "Telefon" };
const SOCIAL: Bi = { en: "Social media", de: "Social Media" };
const APP: Bi = { en: "App", de: "App" };
const CHAT: Bi = { en: "Chat", de: "Chat" };
const DESKTOP: Bi = { en: "Desktop", de: "Desktop" };
const MOBILE: Bi = { en: "Smartphone", de: "Smartphone" };
const IN_PERSON: Bi = { en: "In person", de: "Persönlich" };

const SPECS: Record<TemplateKey, TemplateSpec> = {
  blank: {
    outcome: { en: "", de: "" },
    cyclic: false,
    stages: [{ name: { en: "Stage 1", de: "Phase 1" }, touchpoints: [] }],
  },
  "saas-b2b": {
    outcome: { en: "The team works productively with the software and renews the annual plan", de: "Das Team arbeitet produktiv mit der Software und verlängert den Jahresvertrag" },
    cyclic: false,
    stages: [
      {
        name: { en: "Awareness", de: "Aufmerksamkeit" },
        touchpoints: [
          {
            title: { en: "Ad seen on a website", de: "Anzeige auf einer Website gesehen" },
            channel: WEB, device: DESKTOP, department: "Marketing", emotion: 0,
            activity: { en: "Notices a banner ad while reading an industry site", de: "Bemerkt ein Banner beim Lesen einer Fachseite" },
            goal: { en: "Find a better way to run customer projects", de: "Einen besseren Weg für Kundenprojekte finden" },
            kpis: [{ name: "Click-through rate", target: 0.8, actual: null, unit: "%", higherIsBetter: true }],
          },
          {
            title: { en: "Blog post shared on social media", de: "Blogartikel über Social Media" },
            channel: SOCIAL, device: MOBILE, department: "Marketing", emotion: 1,
            activity: { en: "Reads a how-to article a colleague shared", de: "Liest einen Praxisartikel, den ein Kollege geteilt hat" },
            kpis: [{ name: "Scroll depth", target: 60, actual: null, unit: "%", higherIsBetter: true }],
          },
        ],
      },
      {
        name: { en: "Consideration", de: "Erwägung" },
        touchpoints: [
          {
            title: { en: "Newsletter sign-up", de: "Newsletter-Anmeldung" },
            channel: WEB, device: MOBILE, department: "Marketing", emotion: 0,
            activity: { en: "Signs up to get more practical tips", de: "Meldet sich für weitere Praxistipps an" },
            kpis: [{ name: "Sign-up conversion", target: 3, actual: null, unit: "%", higherIsBetter: true }],
          },
          {
            title: { en: "Marketing e-mail", de: "Marketing-E-Mail" },
            channel: EMAIL, device: DESKTOP, department: "Marketing", emotion: 1,
            activity: { en: "Opens a case study e-mail and clicks through", de: "Öffnet eine E-Mail mit Fallstudie und klickt weiter" },
            kpis: [{ name: "Open rate", target: 35, actual: null, unit: "%", higherIsBetter: true }],
          },
        ],
      },
      {
        name: { en: "Trial", de: "Testphase" },
        touchpoints: [
          {
            title: { en: "Free trial", de: "Kostenlose Testversion" },
            channel: WEB, device: DESKTOP, department: "Product", emotion: 2, momentOfTruth: true,
            activity: { en: "Creates an account and sets up a first project", de: "Legt ein Konto an und richtet ein erstes Projekt ein" },
            goal: { en: "See value within the first hour", de: "In der ersten Stunde den Nutzen sehen" },
            kpis: [{ name: "Activation rate", target: 40, actual: null, unit: "%", higherIsBetter: true }],
          },
          {
            title: { en: "Sales call", de: "Vertriebsgespräch" },
            channel: PHONE, device: PHONE, department: "Sales", emotion: 1,
            activity: { en: "Discusses requirements, pricing and integration", de: "Bespricht Anforderungen, Preise und Integration" },
            kpis: [{ name: "Call-to-offer rate", target: 50, actual: null, unit: "%", higherIsBetter: true }],
          },
        ],
      },
      {
        name: { en: "Purchase", de: "Kauf" },
        touchpoints: [
          {
            title: { en: "Annual plan", de: "Jahresvertrag" },
            channel: EMAIL, device: DESKTOP, department: "Finance", emotion: 1,
            activity: { en: "Signs the order form and receives the invoice", de: "Unterschreibt das Bestellformular und erhält die Rechnung" },
            kpis: [{ name: "Days from offer to signature", target: 14, actual: null, unit: "days", higherIsBetter: false }],
          },
        ],
      },
      {
        name: { en: "Use & support", de: "Nutzung & Support" },
        touchpoints: [
          {
            title: { en: "Upgrade incident", de: "Störung beim Upgrade" },
            channel: APP, device: DESKTOP, department: "IT", emotion: -3, momentOfTruth: true,
            activity: { en: "An upgrade breaks the integration with the CRM", de: "Ein Upgrade unterbricht die Integration mit dem CRM" },
            thoughts: { en: "Can we still rely on this vendor?", de: "Können wir uns auf diesen Anbieter noch verlassen?" },
            kpis: [{ name: "Time to restore", target: 4, actual: null, unit: "h", higherIsBetter: false }],
          },
          {
            title: { en: "Support contact", de: "Kontakt zum Support" },
            channel: CHAT, device: DESKTOP, department: "Customer Service", emotion: 1,
            activity: { en: "Opens a chat and gets a workaround", de: "Öffnet einen Chat und bekommt eine Übergangslösung" },
            kpis: [
              { name: "First response time", target: 15, actual: null, unit: "min", higherIsBetter: false },
              { name: "CSAT", target: 4.5, actual: null, unit: "/5", higherIsBetter: true },
            ],
          },
        ],
      },
    ],
  },
  ecommerce: {
    outcome: { en: "The customer receives the right product quickly and buys again", de: "Der Kunde erhält schnell das passende Produkt und kauft wieder" },
    cyclic: false,
    stages: [
      {
        name: { en: "Discover", de: "Entdecken" },
        touchpoints: [
          { title: { en: "Social media ad", de: "Social-Media-Anzeige" }, channel: SOCIAL, device: MOBILE, department: "Marketing", emotion: 1, kpis: [{ name: "Click-through rate", target: 1.2, actual: null, unit: "%" }] },
          { title: { en: "Product reviews", de: "Produktbewertungen" }, channel: WEB, device: MOBILE, department: "Marketing", emotion: 1 },
        ],
      },
      {
        name: { en: "Choose", de: "Auswählen" },
        touchpoints: [
          { title: { en: "Product page", de: "Produktseite" }, channel: WEB, device: MOBILE, department: "Product", emotion: 0, kpis: [{ name: "Bounce rate", target: 40, actual: null, unit: "%", higherIsBetter: false }] },
          { title: { en: "Size and fit question in chat", de: "Frage zu Größe und Passform im Chat" }, channel: CHAT, device: MOBILE, department: "Customer Service", emotion: 1 },
        ],
      },
      {
        name: { en: "Buy", de: "Kaufen" },
        touchpoints: [
          { title: { en: "Checkout", de: "Checkout" }, channel: WEB, device: DESKTOP, department: "Product", emotion: -1, momentOfTruth: true, kpis: [{ name: "Checkout abandonment", target: 20, actual: null, unit: "%", higherIsBetter: false }] },
          { title: { en: "Order confirmation e-mail", de: "Bestellbestätigung per E-Mail" }, channel: EMAIL, device: MOBILE, department: "IT", emotion: 1 },
        ],
      },
      {
        name: { en: "Receive", de: "Erhalten" },
        touchpoints: [
          { title: { en: "Delivery", de: "Lieferung" }, channel: { en: "Parcel service", de: "Paketdienst" }, device: IN_PERSON, department: "Customer Service", emotion: 0, momentOfTruth: true, kpis: [{ name: "Delivered on time", target: 95, actual: null, unit: "%" }] },
          { title: { en: "Unboxing", de: "Auspacken" }, channel: { en: "Product", de: "Produkt" }, device: IN_PERSON, department: "Product", emotion: 2 },
        ],
      },
      {
        name: { en: "After purchase", de: "Nach dem Kauf" },
        touchpoints: [
          { title: { en: "Return request", de: "Retourenanfrage" }, channel: WEB, device: MOBILE, department: "Customer Service", emotion: -2, kpis: [{ name: "Refund time", target: 5, actual: null, unit: "days", higherIsBetter: false }] },
          { title: { en: "Review request", de: "Bitte um Bewertung" }, channel: EMAIL, device: MOBILE, department: "Marketing", emotion: 0, kpis: [{ name: "Review rate", target: 8, actual: null, unit: "%" }] },
        ],
      },
    ],
  },
  "relationship-cycle": {
    outcome: { en: "Customers come back and recommend us", de: "Kunden kommen wieder und empfehlen uns weiter" },
    cyclic: true,
    stages: [
      { name: { en: "Impulse", de: "Impuls" }, touchpoints: [{ title: { en: "Word of mouth", de: "Mundpropaganda" }, channel: { en: "Personal", de: "Persönlich" }, device: IN_PERSON, department: "Marketing", emotion: 1, activity: { en: "Hears about us from a friend", de: "Hört von uns über einen Bekannten" } }] },
      { name: { en: "Discover", de: "Orientierung" }, touchpoints: [{ title: { en: "Comparison on the website", de: "Vergleich auf der Website" }, channel: WEB, device: MOBILE, department: "Marketing", emotion: 0, activity: { en: "Compares offers and reads reviews", de: "Vergleicht Angebote und liest Bewertungen" } }] },
      { name: { en: "Initiate", de: "Absicht" }, touchpoints: [{ title: { en: "First offer", de: "Erstes Angebot" }, channel: EMAIL, device: DESKTOP, department: "Sales", emotion: 1, momentOfTruth: true, activity: { en: "Requests and accepts an offer", de: "Fordert ein Angebot an und nimmt es an" } }] },
      { name: { en: "Experience", de: "Erleben" }, touchpoints: [{ title: { en: "Using the service", de: "Nutzung der Leistung" }, channel: APP, device: MOBILE, department: "Customer Service", emotion: 2, activity: { en: "Uses the service day to day", de: "Nutzt die Leistung im Alltag" } }] },
      { name: { en: "Recommend", de: "Weiterempfehlen" }, touchpoints: [{ title: { en: "Review and referral", de: "Bewertung und Empfehlung" }, channel: SOCIAL, device: MOBILE, department: "Marketing", emotion: 2, activity: { en: "Shares the experience and recommends us", de: "Teilt die Erfahrung und empfiehlt uns" }, kpis: [{ name: "NPS", target: 40, actual: null, unit: "" }] }] },
    ],
  },
};

export function isTemplateKey(value: unknown): value is TemplateKey {
  return typeof value === "string" && (TEMPLATE_KEYS as readonly string[]).includes(value);
}

/** Builds the map document of a template in `locale`, titled `title`. */
export function buildTemplate(key: TemplateKey, locale: TemplateLocale, title: string): Y.Doc {
  const spec = SPECS[key];
  const doc = createMapDocument({ title, outcome: spec.outcome[locale], cyclic: spec.cyclic, state: "current" });
  doc.transact(() => {
    for (const stage of spec.stages) {
      const stageId = addStage(doc, stage.name[locale]);
      for (const tp of stage.touchpoints) {
        addTouchpoint(doc, stageId, undefined, {
          ...tp,
          title: tp.title[locale],
          channel: tp.channel[locale],
          device: tp.device[locale],
          activity: tp.activity?.[locale] ?? "",
          goal: tp.goal?.[locale] ?? "",
          thoughts: tp.thoughts?.[locale] ?? "",
        });
      }
    }
  });
  return doc;
}

export type TemplatePreview = {
  key: TemplateKey;
  cyclic: boolean;
  stages: { name: string; touchpoints: string[] }[];
  touchpointCount: number;
  /** The sample emotion curve (null = unrated). */
  emotions: (number | null)[];
};

/** What the template picker shows for each template (built from the real template documents). */
export function templatePreviews(locale: TemplateLocale): TemplatePreview[] {
  return TEMPLATE_KEYS.map((key) => {
    const map = readMap(buildTemplate(key, locale, ""));
    const titles = new Map(map.touchpoints.map((t) => [t.id, t.title]));
    return {
      key,
      cyclic: map.cyclic,
      stages: map.stages.map((s) => ({ name: s.name, touchpoints: s.touchpointIds.map((id) => titles.get(id) ?? "") })),
      touchpointCount: map.touchpoints.length,
      emotions: summarizeEmotions(map).curve,
    };
  });
}
