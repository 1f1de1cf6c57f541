// The downloadable import template: the header row in the chosen language (the import accepts
// English and German labels and the export's field names alike) and three example rows showing
// how lists (one item per line), emotions and KPIs are written.
import ExcelJS from "exceljs";
import { z } from "zod";
import { escapeCsvFormula, toCsv } from "@/lib/csv/to-csv";
import { COLUMN_LABELS, TOUCHPOINT_COLUMNS, type TouchpointColumn } from "@/lib/export/touchpoint-columns";

type Locale = "en" | "de";

const EXAMPLES: Record<Locale, Partial<Record<TouchpointColumn, string | number>>[]> = {
  en: [
    { stage: "Discover", title: "Ad on a trade website", channel: "Website", device: "Desktop", department: "Marketing", owner: "Ada", activity: "Sees a banner while reading", emotion: 0, painPoints: "Unclear what the product does", kpis: "Click-through rate: 0.6 / 0.8 %" },
    { stage: "", title: "Newsletter sign-up", channel: "Website", device: "Phone", department: "Marketing", activity: "Signs up for tips", emotion: "slightly positive", opportunities: "Offer a case study right away" },
    { stage: "Buy", title: "Sales call", channel: "Phone", department: "Sales", owner: "Cem", activity: "Discusses prices", thoughts: "Will this fit our CRM?", emotion: -2, momentOfTruth: "yes", systems: "CRM\nCalendar", evidence: "qualitative: 'Too many calls' (interview 3)" },
  ],
  de: [
    { stage: "Entdecken", title: "Anzeige auf einer Fachwebsite", channel: "Website", device: "Desktop", department: "Marketing", owner: "Ada", activity: "Sieht ein Banner beim Lesen", emotion: 0, painPoints: "Unklar, was das Produkt kann", kpis: "Klickrate: 0,6 / 0,8 %" },
    { stage: "", title: "Newsletter-Anmeldung", channel: "Website", device: "Smartphone", department: "Marketing", activity: "Meldet sich für Tipps an", emotion: "leicht positiv", opportunities: "Direkt eine Fallstudie anbieten" },
    { stage: "Kaufen", title: "Vertriebsgespräch", channel: "Telefon", department: "Vertrieb", owner: "Cem", activity: "Bespricht Preise", thoughts: "Passt das zu unserem CRM?", emotion: -2, momentOfTruth: "ja", systems: "CRM\nKalender", evidence: "qualitativ: „Zu viele Anrufe“ (Interview 3)" },
  ],
};

export function importTemplateRows(locale: Locale): { headers: string[]; rows: (string | number)[][] } {
  return {
    headers: TOUCHPOINT_COLUMNS.map((c) => COLUMN_LABELS[c][locale]),
    rows: EXAMPLES[locale].map((ex) => TOUCHPOINT_COLUMNS.map((c) => ex[c] ?? "")),
  };
}

export function importTemplateCsv(locale: Locale): string {
  const { headers, rows } = importTemplateRows(locale);
  return "\uFEFF" + toCsv(headers, rows);
}

export async function importTemplateXlsx(locale: Locale): Promise<Buffer> {
  const { headers, rows } = importTemplateRows(locale);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Touchpoints", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(headers).font = { bold: true };
  for (const r of rows) sheet.addRow(r.map((v) => (typeof v === "string" ? escapeCsvFormula(v) : v)));
  sheet.columns.forEach((c) => (c.width = 22));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** GET …/maps/import/template query parameters. */
export const ZTemplateQuery = z.object({
  format: z.enum(["csv", "xlsx"]).optional().default("csv"),
  locale: z.enum(["en", "de"]).optional().default("en"),
});
