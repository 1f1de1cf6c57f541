import { describe, expect, it } from "vitest";
import { can, canAssignRole, ROLES, type Ability } from "./policy";

describe("policy", () => {
  it("grants each role exactly its abilities", () => {
    const table: Record<string, Ability[]> = {
      owner: ["read", "edit", "manage_members", "manage_workspace", "view_audit", "assign_owner"],
      admin: ["read", "edit", "manage_members", "manage_workspace"],
      editor: ["read", "edit"],
      viewer: ["read"],
    };
    const all: Ability[] = ["read", "edit", "manage_members", "manage_workspace", "view_audit", "assign_owner"];
    for (const role of ROLES) {
      for (const ability of all) expect(can(role, ability), `${role} ${ability}`).toBe(table[role].includes(ability));
    }
  });

  it("a non-member can do nothing", () => {
    expect(can(null, "read")).toBe(false);
    expect(can(undefined, "read")).toBe(false);
  });

  it("only owners make or unmake owners; admins assign the other roles; editors and viewers none", () => {
    expect(canAssignRole("owner", "viewer", "owner")).toBe(true);
    expect(canAssignRole("owner", "owner", "editor")).toBe(true);
    expect(canAssignRole("admin", "viewer", "owner")).toBe(false);
    expect(canAssignRole("admin", "owner", "viewer")).toBe(false);
    expect(canAssignRole("admin", "viewer", "admin")).toBe(true);
    expect(canAssignRole("admin", null, "editor")).toBe(true);
    expect(canAssignRole("admin", null, "owner")).toBe(false);
    expect(canAssignRole("editor", "viewer", "editor")).toBe(false);
    expect(canAssignRole("viewer", "viewer", "viewer")).toBe(false);
  });
});
