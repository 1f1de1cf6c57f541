// PNG export: the poster laid out as one page (all columns), rendered from SVG by resvg at 2× —
// or less for very wide maps, so the image stays within MAX_PNG_PIXELS_WIDE pixels across
// (image viewers and chat apps refuse larger ones).
import { Resvg } from "@resvg/resvg-js";
import type { MapData } from "@/lib/maps/map-document";
import { FONT_FAMILY, fontFiles } from "./fonts";
import { layoutPoster, type PosterOptions } from "./poster-layout";
import { renderPageSvg } from "./svg";

export const PNG_SCALE = 2;
export const MAX_PNG_PIXELS_WIDE = 32_000;

export function renderMapPng(map: MapData, options: Omit<PosterOptions, "pagination">): { png: Buffer; width: number; height: number; scale: number } {
  const [page] = layoutPoster(map, { ...options, pagination: "single" });
  const scale = Math.min(PNG_SCALE, MAX_PNG_PIXELS_WIDE / page.width);
  const files = fontFiles();
  const resvg = new Resvg(renderPageSvg(page, map.title), {
    fitTo: { mode: "zoom", value: scale },
    background: "#ffffff",
    font: { fontFiles: [files.regular, files.bold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height, scale };
}
