// The font of every server-rendered export (PDF and PNG): DejaVu Sans from the `dejavu-fonts-ttf`
// package, so rendering works on a fresh machine after `npm install` (resvg reads TrueType only,
// and a bare Debian may have no fonts at all). DejaVu covers Latin, Greek, Cyrillic and the symbols
// the poster uses (★ ◆ ⚠ → ✓).
import { createRequire } from "node:module";
import path from "node:path";
import fs from "node:fs";

export const FONT_FAMILY = "DejaVu Sans";
/** Ascender of DejaVu Sans as a share of the font size: where the baseline sits below a line's top. */
export const FONT_ASCENT = 0.928;

let dir: string | null = null;
function fontDir(): string {
  if (dir) return dir;
  const candidates = [path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf")];
  try {
    const require = createRequire(import.meta.url);
    candidates.push(path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf"));
  } catch {
    // bundled without node_modules resolution: the working directory is the app's root
  }
  dir = candidates.find((d) => fs.existsSync(path.join(d, "DejaVuSans.ttf"))) ?? null;
  if (!dir) throw new Error("Font files missing: run npm install (package dejavu-fonts-ttf).");
  return dir;
}

export const fontFiles = () => ({
  regular: path.join(fontDir(), "DejaVuSans.ttf"),
  bold: path.join(fontDir(), "DejaVuSans-Bold.ttf"),
});
