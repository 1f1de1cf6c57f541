// `node scripts/generate-icons.mjs`: writes the icons in public/ (no dependencies: PNG via zlib).
// Generates public/ icons: an indigo rounded square with a white emotion curve (the product's motif).
import fs from "node:fs";
import zlib from "node:zlib";
const BG = [0x4f, 0x46, 0xe5];
// curve points in a 0..1 box
const PTS = [[0.18, 0.42], [0.36, 0.62], [0.52, 0.34], [0.68, 0.56], [0.82, 0.3]];
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#4f46e5"/><polyline points="${PTS.map(([x, y]) => `${(x * 64).toFixed(1)},${(y * 64).toFixed(1)}`).join(" ")}" fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>${PTS.map(([x, y]) => `<circle cx="${(x * 64).toFixed(1)}" cy="${(y * 64).toFixed(1)}" r="4.5" fill="#fff"/>`).join("")}</svg>\n`;
fs.writeFileSync("public/icon.svg", svg);
function distSeg(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
function inside(x, y, size, maskable) {
  // x,y in 0..1
  const r = maskable ? 0 : 14 / 64;
  const cx = Math.min(Math.max(x, r), 1 - r), cy = Math.min(Math.max(y, r), 1 - r);
  const bg = Math.hypot(x - cx, y - cy) <= r;
  if (!bg) return 0;
  // maskable: content in the 80% safe zone
  const s = maskable ? 0.8 : 1, o = (1 - s) / 2;
  const ux = (x - o) / s, uy = (y - o) / s;
  let line = false;
  for (let i = 0; i < PTS.length - 1; i++) if (distSeg(ux, uy, PTS[i], PTS[i + 1]) <= 3 / 64) line = true;
  for (const p of PTS) if (Math.hypot(ux - p[0], uy - p[1]) <= 4.5 / 64) line = true;
  return line ? 2 : 1;
}
function png(size, maskable = false) {
  const SS = 4;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let a = 0, w = 0;
      for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) {
        const v = inside((x + (sx + 0.5) / SS) / size, (y + (sy + 0.5) / SS) / size, size, maskable);
        if (v) a++;
        if (v === 2) w++;
      }
      const n = SS * SS, off = y * (size * 4 + 1) + 1 + x * 4;
      const alpha = a / n, white = a ? w / a : 0;
      for (let c = 0; c < 3; c++) raw[off + c] = Math.round(BG[c] * (1 - white) + 255 * white);
      raw[off + 3] = Math.round(alpha * 255);
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(zlib.crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}
fs.writeFileSync("public/apple-touch-icon.png", png(180, true));
fs.writeFileSync("public/icon-192.png", png(192));
fs.writeFileSync("public/icon-512.png", png(512));
fs.writeFileSync("public/icon-maskable-512.png", png(512, true));
// favicon.ico holding a 32×32 PNG (ICO with PNG payload, supported by every current browser)
const p32 = png(32);
const header = Buffer.alloc(6); header.writeUInt16LE(0, 0); header.writeUInt16LE(1, 2); header.writeUInt16LE(1, 4);
const entry = Buffer.alloc(16); entry[0] = 32; entry[1] = 32; entry[2] = 0; entry[3] = 0; entry.writeUInt16LE(1, 4); entry.writeUInt16LE(32, 6); entry.writeUInt32LE(p32.length, 8); entry.writeUInt32LE(22, 12);
fs.writeFileSync("public/favicon.ico", Buffer.concat([header, entry, p32]));
