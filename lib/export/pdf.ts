// PDF poster (pdfkit): the pages of the poster layout drawn as PDF vector graphics, text as real
// text in embedded DejaVu Sans (searchable and selectable). pdfkit rather than pdf-lib because it
// subsets and embeds TrueType fonts, draws SVG path data directly and is actively maintained.
import PDFDocument from "pdfkit";
import type { MapData } from "@/lib/maps/map-document";
import { fontFiles } from "./fonts";
import { getMeasure } from "./measure-text";
import { layoutPoster, type Item, type PosterOptions, type PosterPage } from "./poster-layout";

/** Largest page side most PDF viewers accept (200 in); wider single pages are scaled down to it. */
const MAX_PAGE_SIDE = 14_400;

export async function renderMapPdf(map: MapData, options: PosterOptions): Promise<{ pdf: Buffer; pages: number }> {
  const pages = layoutPoster(map, options);
  const pdf = await drawPdf(pages, { title: map.title, author: options.author, createdAt: options.generatedAt });
  return { pdf, pages: pages.length };
}

/** Draws laid-out pages into a PDF (also used by the persona and stakeholder exports). */
export function drawPdf(pages: PosterPage[], info: { title: string; author: string; createdAt: Date }): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, compress: true, info: { Title: info.title, Author: info.author, Creator: "Journeyboard", CreationDate: info.createdAt } });
  const files = fontFiles();
  doc.registerFont("regular", files.regular);
  doc.registerFont("bold", files.bold);
  const measure = getMeasure();
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const page of pages) {
    const scale = Math.min(1, MAX_PAGE_SIDE / Math.max(page.width, page.height));
    doc.addPage({ size: [page.width * scale, page.height * scale], margin: 0 });
    if (scale < 1) doc.scale(scale);
    for (const item of page.items) drawItem(doc, item, measure);
  }
  doc.end();
  return done;
}

function drawItem(doc: PDFKit.PDFDocument, item: Item, measure: ReturnType<typeof getMeasure>): void {
  switch (item.t) {
    case "rect": {
      doc.save();
      if (item.r) doc.roundedRect(item.x, item.y, item.w, item.h, item.r);
      else doc.rect(item.x, item.y, item.w, item.h);
      if (item.fill && item.stroke) doc.lineWidth(item.lineWidth ?? 1).fillAndStroke(item.fill, item.stroke);
      else if (item.fill) doc.fill(item.fill);
      else if (item.stroke) doc.lineWidth(item.lineWidth ?? 1).stroke(item.stroke);
      doc.restore();
      return;
    }
    case "line":
      doc.save().moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).lineWidth(item.lineWidth);
      if (item.dash) doc.dash(item.dash[0], { space: item.dash[1] ?? item.dash[0] });
      doc.stroke(item.stroke).restore();
      return;
    case "path":
      doc.save().path(item.d);
      if (item.fill && item.stroke) doc.lineWidth(item.lineWidth ?? 1).fillAndStroke(item.fill, item.stroke);
      else if (item.fill) doc.fill(item.fill);
      else if (item.stroke) doc.lineWidth(item.lineWidth ?? 1).lineJoin("round").stroke(item.stroke);
      doc.restore();
      return;
    case "circle":
      doc.save().circle(item.cx, item.cy, item.r);
      if (item.stroke) doc.lineWidth(item.lineWidth ?? 1).fillAndStroke(item.fill, item.stroke);
      else doc.fill(item.fill);
      doc.restore();
      return;
    case "text": {
      doc.font(item.bold ? "bold" : "regular").fontSize(item.size).fillColor(item.color);
      item.lines.forEach((line, i) => {
        const w = item.anchor && item.anchor !== "start" ? measure(line, item.size, item.bold) : 0;
        const x = item.anchor === "middle" ? item.x - w / 2 : item.anchor === "end" ? item.x - w : item.x;
        // pdfkit places text by the top of the line box and puts the baseline at the font's ascender.
        doc.text(line, x, item.y + i * item.lineHeight, { lineBreak: false });
      });
      return;
    }
  }
}
