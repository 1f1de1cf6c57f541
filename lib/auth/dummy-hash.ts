// A real scrypt hash of a random password: unknown e-mails are checked against it, so a sign-in
// for an address without an account takes as long as one with a wrong password.
import { randomBytes } from "node:crypto";
import { hashPassword } from "./password";

const KEY = Symbol.for("journeyboard.dummyHash");
const g = globalThis as unknown as { [KEY]?: Promise<string> };

/** The process's dummy hash (computed once). */
export function dummyPasswordHash(): Promise<string> {
  g[KEY] ??= hashPassword(randomBytes(16).toString("hex"));
  return g[KEY];
}
