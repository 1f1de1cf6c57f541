// File names for downloads: a readable ASCII name from the map title plus an RFC 6266/5987
// `filename*` carrying the original (umlauts, other scripts), so every browser saves something sane.
export function slugFileName(title: string, fallback = "journey-map"): string {
  const base = title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);
  return base || fallback;
}

/** `attachment; filename="…"; filename*=UTF-8''…` for `title` with extension `ext`. */
export function contentDisposition(title: string, ext: string, fallback?: string): string {
  const ascii = `${slugFileName(title, fallback)}.${ext}`;
  const clean = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ").trim().slice(0, 120) || fallback || "journey-map";
  const utf8 = encodeURIComponent(`${clean}.${ext}`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
