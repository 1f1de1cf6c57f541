// Attacks on the REST wrapper (issue 9, findings 5 and 10), against real route handlers and a real
// database: malformed cookies answer 401 with the error shape (not 500); oversized chunked bodies
// (no Content-Length) answer 413 after reading at most a little over the limit, and change nothing.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDatabase } from "@/db/client";
import { personas } from "@/db/schema";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createTeam } from "@/test/factories";
import { createPersonaRow, sessionCookie } from "@/test/collab-server";
import { createAccessToken } from "@/lib/tokens/create-access-token";

vi.mock("server-only", () => ({}));

const avatar = await import("@/app/api/v1/personas/[id]/avatar/route");
const maps = await import("@/app/api/v1/workspaces/[slug]/maps/route");

const params = <P,>(p: P) => ({ params: Promise.resolve(p) });
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

/** A request body of `total` bytes streamed in 64 KB chunks (so fetch sends it chunked) that counts what was pulled. */
function countingStream(total: number, fill = 0x20) {
  const counter = { pulled: 0 };
  const chunk = new Uint8Array(64 * 1024).fill(fill);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      const n = Math.min(chunk.byteLength, total - counter.pulled);
      counter.pulled += n;
      controller.enqueue(chunk.slice(0, n));
    },
  }, { highWaterMark: 0 });
  return { stream, counter };
}

function streamingRequest(url: string, method: string, token: string, body: ReadableStream<Uint8Array>, contentType: string) {
  return new Request(`http://localhost${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": contentType },
    body,
    duplex: "half",
  } as RequestInit);
}

describe.each(testDrivers)("hostile REST requests on %s", (driver) => {
  let t: TestDatabase;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let token: string;

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    setDatabase({ db: t.db, driver: t.driver, close: async () => {} });
    team = await createTeam(t.db);
    token = (await createAccessToken(t.db, { userId: team.editor.id, name: "test", expiresInDays: 30 })).token;
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it.each([
    ["a malformed escape in any cookie", "theme=%E0%A4"],
    ["a malformed escape in the session cookie", "authjs.session-token=%E0%A4"],
    ["a malformed escape in a chunked session cookie", "authjs.session-token.0=%E0%A4; authjs.session-token.1=%"],
  ])("answers 401 with the error shape for %s", async (_what, cookie) => {
    const res = await maps.GET(new Request(`http://localhost/api/v1/workspaces/${team.workspace.slug}/maps`, { headers: { cookie } }), params({ slug: team.workspace.slug }));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
  });

  it("still signs in with a valid session cookie next to a malformed one", async () => {
    const cookie = `theme=%E0%A4; ${await sessionCookie(team.editor.id)}`;
    const res = await maps.GET(new Request(`http://localhost/api/v1/workspaces/${team.workspace.slug}/maps`, { headers: { cookie } }), params({ slug: team.workspace.slug }));
    expect(res.status).toBe(200);
  });

  it("refuses a 10 MB chunked avatar with 413 while streaming, and keeps the old avatar", async () => {
    const persona = await createPersonaRow(t.db, team.workspace.id);
    const put = (body: ReadableStream<Uint8Array>) =>
      avatar.PUT(streamingRequest(`/api/v1/personas/${persona.id}/avatar`, "PUT", token, body, "image/png"), params({ id: persona.id }));
    const ok = await put(new ReadableStream({ start: (c) => { c.enqueue(PNG); c.close(); } }));
    expect(ok.status).toBe(200);

    const { stream, counter } = countingStream(10 * 1024 * 1024, 0x89);
    const res = await put(stream);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "too_large", message: expect.stringMatching(/256 KB/), fields: { avatar: "avatar_too_large" } } });
    // Read a little past the 256 KB limit, then stopped: the 10 MB were never buffered.
    expect(counter.pulled).toBeLessThan(1024 * 1024);
    const [row] = await t.db.select({ image: personas.avatarImage }).from(personas).where(eq(personas.id, persona.id));
    expect(new Uint8Array(row.image!)).toEqual(PNG);
  });

  it("refuses a 10 MB chunked JSON body with 413 while streaming, and creates nothing", async () => {
    const { stream, counter } = countingStream(10 * 1024 * 1024);
    const before = await (await maps.GET(new Request(`http://localhost/api/v1/workspaces/${team.workspace.slug}/maps`, { headers: { authorization: `Bearer ${token}` } }), params({ slug: team.workspace.slug }))).json();
    const res = await maps.POST(streamingRequest(`/api/v1/workspaces/${team.workspace.slug}/maps`, "POST", token, stream, "application/json"), params({ slug: team.workspace.slug }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "too_large", message: expect.stringMatching(/exceeds/) } });
    expect(counter.pulled).toBeLessThan(1024 * 1024);
    const after = await (await maps.GET(new Request(`http://localhost/api/v1/workspaces/${team.workspace.slug}/maps`, { headers: { authorization: `Bearer ${token}` } }), params({ slug: team.workspace.slug }))).json();
    expect(after).toEqual(before);
  });
});
