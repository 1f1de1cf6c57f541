// Exports the stakeholder map drawing as SVG or PNG (browser only). Interaction-only elements
// (focus rings, handles, other people's selections) are left out.
const XMLNS = "http://www.w3.org/2000/svg";

/** The drawing as a standalone SVG document string. */
export function serializeSvg(svg: SVGSVGElement, title: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.querySelectorAll('[data-export="skip"]').forEach((el) => el.remove());
  clone.removeAttribute("class");
  clone.removeAttribute("style");
  clone.setAttribute("xmlns", XMLNS);
  clone.setAttribute("width", "1000");
  clone.setAttribute("height", "1000");
  const titleEl = document.createElementNS(XMLNS, "title");
  titleEl.textContent = title;
  clone.insertBefore(titleEl, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from the map title ("Acme ecosystem" → "acme-ecosystem"). */
export function fileNameOf(title: string, ext: "svg" | "png") {
  const base = title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "stakeholder-map";
  return `${base}.${ext}`;
}

export function exportSvg(svg: SVGSVGElement, title: string) {
  download(new Blob([serializeSvg(svg, title)], { type: "image/svg+xml" }), fileNameOf(title, "svg"));
}

export async function exportPng(svg: SVGSVGElement, title: string, scale = 2): Promise<void> {
  const source = serializeSvg(svg, title);
  const url = URL.createObjectURL(new Blob([source], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("could not render the SVG"));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = 1000 * scale;
    canvas.height = 1000 * scale;
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no canvas");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("no image");
    download(blob, fileNameOf(title, "png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}
