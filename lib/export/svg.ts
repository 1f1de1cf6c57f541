// Poster pages as standalone SVG (the source of the PNG export): every item of the layout as an
// SVG element, text in DejaVu Sans with explicit line positions (no SVG-side wrapping).
import { FONT_FAMILY } from "./fonts";
import { baselineOf, type Item, type PosterPage } from "./poster-layout";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const n = (v: number) => Number(v.toFixed(2));

function itemSvg(item: Item): string {
  switch (item.t) {
    case "rect":
      return `<rect x="${n(item.x)}" y="${n(item.y)}" width="${n(item.w)}" height="${n(item.h)}"${item.r ? ` rx="${item.r}"` : ""} fill="${item.fill ?? "none"}"${item.stroke ? ` stroke="${item.stroke}" stroke-width="${item.lineWidth ?? 1}"` : ""}/>`;
    case "line":
      return `<line x1="${n(item.x1)}" y1="${n(item.y1)}" x2="${n(item.x2)}" y2="${n(item.y2)}" stroke="${item.stroke}" stroke-width="${item.lineWidth}"${item.dash ? ` stroke-dasharray="${item.dash.join(" ")}"` : ""}/>`;
    case "path":
      return `<path d="${item.d}" fill="${item.fill ?? "none"}"${item.stroke ? ` stroke="${item.stroke}" stroke-width="${item.lineWidth ?? 1}" stroke-linejoin="round"` : ""}/>`;
    case "circle":
      return `<circle cx="${n(item.cx)}" cy="${n(item.cy)}" r="${item.r}" fill="${item.fill}"${item.stroke ? ` stroke="${item.stroke}" stroke-width="${item.lineWidth ?? 1}"` : ""}/>`;
    case "text": {
      const anchor = item.anchor && item.anchor !== "start" ? ` text-anchor="${item.anchor}"` : "";
      const weight = item.bold ? ` font-weight="bold"` : "";
      return item.lines
        .map((line, i) => `<text x="${n(item.x)}" y="${n(baselineOf(item, i))}" font-size="${item.size}" fill="${item.color}"${weight}${anchor} xml:space="preserve">${esc(line)}</text>`)
        .join("");
    }
  }
}

export function renderPageSvg(page: PosterPage, title: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(page.width)}" height="${n(page.height)}" viewBox="0 0 ${n(page.width)} ${n(page.height)}" font-family="${FONT_FAMILY}">`,
    `<title>${esc(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...page.items.map(itemSvg),
    `</svg>`,
  ].join("\n");
}
