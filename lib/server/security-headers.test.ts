import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("builds a nonce-based CSP that forbids framing and limits sockets to this host", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123==", host: "127.0.0.1:3000", https: false, dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:3000 wss://127.0.0.1:3000");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", host: "x", https: false, dev: true })).toContain("'unsafe-eval'");
  });

  it("never copies a hostile Host header into the policy", () => {
    for (const host of ["evil.example; script-src *", "a b", "x'y", null]) {
      const csp = contentSecurityPolicy({ nonce: "n", host, https: false, dev: false });
      expect(csp).toContain("connect-src 'self';");
      expect(csp).not.toContain("script-src *");
    }
    expect(contentSecurityPolicy({ nonce: "n", host: "[::1]:3000", https: false, dev: false })).toContain("ws://[::1]:3000");
  });

  it("sends HSTS and upgrade-insecure-requests only over https", () => {
    const plain = securityHeaders({ nonce: "n", host: "localhost:3000", https: false, dev: false });
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    const tls = securityHeaders({ nonce: "n", host: "journeys.example.com", https: true, dev: false, formOrigins: ["https://idp.example.com"] });
    expect(tls["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(tls["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    expect(tls["Content-Security-Policy"]).toContain("form-action 'self' https://idp.example.com");
    expect(tls).toMatchObject({ "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const a = createNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(createNonce()).not.toBe(a);
  });
});
