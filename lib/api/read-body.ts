// Request bodies read with a size cap enforced while streaming: a chunked upload (no
// Content-Length) is cut off at the first byte over the limit, never buffered whole first.
import { AppError } from "@/lib/errors";

export type ReadBodyOptions = {
  /** The message of the 413 (defaults to "The body exceeds N bytes."). */
  message?: string;
  /** Field errors attached to the 413 (e.g. `{ avatar: "avatar_too_large" }` for forms). */
  fields?: Record<string, string>;
};

/** The body's bytes, at most `maxBytes`; throws AppError("too_large") (413) as soon as it is exceeded. */
export async function readBodyLimited(request: Request, maxBytes: number, options: ReadBodyOptions = {}): Promise<Uint8Array> {
  const tooLarge = () => new AppError("too_large", options.message ?? `The body exceeds ${maxBytes} bytes.`, options.fields);
  // A declared length over the limit is refused before a byte is read.
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop reading: the rest of the upload is discarded, not kept in memory.
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
