import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps local paths with query and hash", () => {
    expect(safeCallbackUrl("/w/acme/maps/1?x=1#k")).toBe("/w/acme/maps/1?x=1#k");
    expect(safeCallbackUrl("/")).toBe("/");
    expect(safeCallbackUrl("/invite/abc%2Fdef")).toBe("/invite/abc%2Fdef");
  });

  it.each([
    "/\\evil.example/x", // finding 4: the browser reads \ as /
    "\\\\evil.example",
    "//evil.example/x",
    "/%5Cevil.example/x",
    "/%2F/evil.example",
    "/%2fevil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://evil.example/x",
    "http://localhost:3000@evil.example/",
    "evil.example",
    " /x",
    "",
    "/" + "a".repeat(3000),
  ])("refuses %j", (raw) => {
    expect(safeCallbackUrl(raw)).toBe("/");
    expect(safeCallbackUrl(raw, "http://localhost:3000")).toBe("/");
  });

  it("refuses non-strings", () => {
    expect(safeCallbackUrl(undefined)).toBe("/");
    expect(safeCallbackUrl(["/x"])).toBe("/");
    expect(safeCallbackUrl(null, undefined, "/home")).toBe("/home");
  });

  it("accepts absolute URLs of the app's own origin only, as a path", () => {
    expect(safeCallbackUrl("http://127.0.0.1:4000/w/a?b=1", "http://127.0.0.1:4000")).toBe("/w/a?b=1");
    expect(safeCallbackUrl("http://127.0.0.1:4000/w/a", "http://localhost:4000")).toBe("/");
    expect(safeCallbackUrl("https://127.0.0.1:4000/w/a", "http://127.0.0.1:4000")).toBe("/");
    expect(safeCallbackUrl("http://u:p@127.0.0.1:4000/w/a", "http://127.0.0.1:4000")).toBe("/");
    expect(safeCallbackUrl("http://127.0.0.1:4000/w/a")).toBe("/");
  });
});
