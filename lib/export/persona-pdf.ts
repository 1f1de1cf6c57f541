// Persona one-pager (A4 landscape PDF): avatar, name, segment and quote on top, then the persona
// sheet's sections in three columns — the same drawing items and PDF back-end as the map poster.
import type { Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import type { PersonaData } from "@/lib/personas/persona-document";
import { getMeasure, wrapText } from "./measure-text";
import { drawPdf } from "./pdf";
import type { Item, PosterPage, TextItem } from "./poster-layout";

const A4 = { width: 841.89, height: 595.28 };
const M = 32;
const INK = "#0f172a";
const MUTED = "#475569";

type Tree = Record<string, unknown>;
const at = (tree: Tree, path: string): string => {
  const v = path.split(".").reduce<unknown>((n, k) => (n && typeof n === "object" ? (n as Tree)[k] : undefined), tree);
  return typeof v === "string" ? v : path.split(".").pop()!;
};

export function layoutPersona(persona: PersonaData, options: { locale: Locale; author: string; generatedAt: Date }): PosterPage {
  const m = loadMessages(options.locale) as Tree;
  const s = (k: string) => at(m, `personas.sections.${k}`);
  const f = (k: string) => at(m, `personas.fields.${k}`);
  const measure = getMeasure();
  const items: Item[] = [];
  const text = (x: number, y: number, lines: string[], size: number, extra: Partial<TextItem> = {}) => {
    if (lines.length) items.push({ t: "text", x, y, lines, size, lineHeight: extra.lineHeight ?? size * 1.3, color: extra.color ?? INK, bold: extra.bold, anchor: extra.anchor });
    return lines.length * (extra.lineHeight ?? size * 1.3);
  };

  // Header: avatar with initials, name, segment, quote; date and author on the right.
  const initials = persona.name.trim().split(/\s+/).map((w) => w[0] ?? "").filter(Boolean);
  items.push({ t: "circle", cx: M + 26, cy: M + 26, r: 26, fill: persona.avatarColor });
  text(M + 26, M + 17, [(initials[0] ?? "?") + (initials.length > 1 ? initials[initials.length - 1] : "")].map((x) => x.toUpperCase()), 16, { bold: true, color: "#ffffff", anchor: "middle" });
  text(M + 64, M + 2, wrapText(measure, persona.name, 460, 20, 1, true), 20, { bold: true });
  text(M + 64, M + 30, wrapText(measure, persona.segment, 460, 10, 1), 10, { color: MUTED });
  const date = new Intl.DateTimeFormat(options.locale === "de" ? "de-DE" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(options.generatedAt);
  text(A4.width - M, M + 2, [date, options.author].filter(Boolean), 8, { color: MUTED, anchor: "end" });
  let top = M + 64;
  if (persona.quote.trim()) top += text(M, top, wrapText(measure, `“${persona.quote}”`, A4.width - 2 * M, 11, 3), 11, { color: "#334155" }) + 8;
  items.push({ t: "line", x1: M, y1: top, x2: A4.width - M, y2: top, stroke: "#cbd5e1", lineWidth: 0.8 });
  top += 12;

  const colW = (A4.width - 2 * M - 2 * 18) / 3;
  const columns: { title: string; entries: [string, string | string[]][] }[][] = [
    [
      { title: s("demographics"), entries: [[f("age"), persona.demographics.age], [f("location"), persona.demographics.location], [f("incomeBand"), persona.demographics.incomeBand], [f("familyStatus"), persona.demographics.familyStatus], [f("gender"), persona.demographics.gender]] },
      { title: s("job"), entries: [[f("jobTitle"), persona.job.title], [f("career"), persona.job.career]] },
    ],
    [
      { title: s("goals"), entries: [[f("goals"), persona.goals], [f("values"), persona.values]] },
      { title: s("pains"), entries: [[f("painPoints"), persona.painPoints], [f("concerns"), persona.concerns]] },
    ],
    [
      { title: s("information"), entries: [[f("informationSources"), persona.informationSources], [f("channels"), persona.channels], [f("contentFormats"), persona.contentFormats], [f("purchases"), persona.purchases], [f("competitors"), persona.competitors]] },
      { title: s("evidence"), entries: [[f("evidenceNote"), persona.evidence.note], [f("evidenceDate"), persona.evidence.date]] },
    ],
  ];
  const bottom = A4.height - M;
  columns.forEach((sections, c) => {
    const x = M + c * (colW + 18);
    let y = top;
    for (const section of sections) {
      if (y > bottom - 20) break;
      y += text(x, y, [section.title], 11, { bold: true, color: "#4338ca" }) + 2;
      for (const [label, value] of section.entries) {
        const lines = Array.isArray(value) ? value.filter((v) => v.trim()).map((v) => `• ${v}`) : value.trim() ? [value] : [];
        if (!lines.length || y > bottom - 20) continue;
        y += text(x, y, [label], 7.5, { bold: true, color: MUTED });
        for (const line of lines) {
          const room = Math.max(0, Math.floor((bottom - y) / 11));
          const wrapped = wrapText(measure, line, colW, 8.5, Math.min(room, 6));
          y += text(x, y, wrapped, 8.5, { lineHeight: 11 });
        }
        y += 5;
      }
      y += 8;
    }
  });
  return { width: A4.width, height: A4.height, items };
}

export async function renderPersonaPdf(persona: PersonaData, options: { locale: Locale; author: string; generatedAt: Date }): Promise<Buffer> {
  return drawPdf([layoutPersona(persona, options)], { title: persona.name, author: options.author, createdAt: options.generatedAt });
}
