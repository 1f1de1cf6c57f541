// Text measurement and line wrapping for the poster layout, with the real font metrics (pdfkit's
// font engine), so the PDF and the SVG/PNG wrap identically and nothing overflows its cell.
import PDFDocument from "pdfkit";
import { fontFiles } from "./fonts";

export type Measure = (text: string, size: number, bold?: boolean) => number;

let measurer: Measure | null = null;

/** Width of `text` in points at `size`. */
export function getMeasure(): Measure {
  if (measurer) return measurer;
  const doc = new PDFDocument({ autoFirstPage: false });
  const files = fontFiles();
  doc.registerFont("regular", files.regular);
  doc.registerFont("bold", files.bold);
  // Widths are cached per word (a line's width is the sum of its words and spaces): wrapping
  // measures each growing candidate line, which would otherwise lay the same text out again and again.
  const cache = new Map<string, number>();
  const unitWidth = (word: string, bold: boolean) => {
    const key = `${bold ? "b" : "r"}|${word}`;
    let unit = cache.get(key);
    if (unit === undefined) {
      unit = doc.font(bold ? "bold" : "regular").fontSize(1000).widthOfString(word) / 1000;
      if (cache.size < 100_000) cache.set(key, unit);
    }
    return unit;
  };
  measurer = (text, size, bold = false) => {
    let total = 0;
    const words = text.split(" ");
    for (const w of words) if (w) total += unitWidth(w, bold);
    return (total + (words.length - 1) * unitWidth(" ", bold)) * size;
  };
  return measurer;
}

/**
 * Wraps `text` into at most `maxLines` lines of `width` points; the last line ends in "…" when
 * text was cut. Explicit line breaks are kept; words longer than a line are broken.
 */
export function wrapText(measure: Measure, text: string, width: number, size: number, maxLines: number, bold = false): string[] {
  if (maxLines <= 0 || !text.trim()) return [];
  const lines: string[] = [];
  let truncated = false;
  const paragraphs = text.replace(/\r\n?/g, "\n").split("\n");
  outer: for (let p = 0; p < paragraphs.length; p++) {
    const words = paragraphs[p].split(/\s+/).filter(Boolean);
    let line = "";
    for (let w = 0; w < words.length; w++) {
      let word = words[w];
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate, size, bold) <= width) {
        line = candidate;
        continue;
      }
      if (line) {
        lines.push(line);
        line = "";
        if (lines.length >= maxLines) {
          truncated = true;
          break outer;
        }
      }
      // A word wider than the line: break it by characters.
      while (measure(word, size, bold) > width && word.length > 1) {
        let cut = word.length - 1;
        while (cut > 1 && measure(word.slice(0, cut), size, bold) > width) cut--;
        lines.push(word.slice(0, cut));
        word = word.slice(cut);
        if (lines.length >= maxLines) {
          truncated = true;
          break outer;
        }
      }
      line = word;
    }
    if (line) {
      lines.push(line);
      if (lines.length >= maxLines && (p < paragraphs.length - 1)) {
        truncated = paragraphs.slice(p + 1).some((x) => x.trim());
        break;
      }
    }
    if (lines.length >= maxLines) break;
  }
  if (truncated && lines.length) {
    let last = lines[lines.length - 1];
    while (last && measure(`${last}…`, size, bold) > width) last = last.slice(0, -1);
    lines[lines.length - 1] = `${last.trimEnd()}…`;
  }
  return lines.slice(0, maxLines);
}
