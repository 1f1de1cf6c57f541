// The one authorization module: "may a member with this role do this in their workspace?"
// Every action, route handler and the /collab upgrade ask here; nothing else compares roles.
import type { Role } from "@/db/schema";

export const ROLES = ["owner", "admin", "editor", "viewer"] as const satisfies readonly Role[];

export type Ability =
  | "read" // see the workspace's maps, personas, stakeholder maps, dashboards
  | "edit" // create, change and delete content (maps, personas, stakeholder maps)
  | "manage_members" // invite, change roles and departments, remove members
  | "manage_workspace" // rename, departments, join-domain rule
  | "view_audit" // read the audit log
  | "assign_owner"; // make someone an owner, or change an owner's role

const ABILITIES: Record<Role, readonly Ability[]> = {
  owner: ["read", "edit", "manage_members", "manage_workspace", "view_audit", "assign_owner"],
  admin: ["read", "edit", "manage_members", "manage_workspace"],
  editor: ["read", "edit"],
  viewer: ["read"],
};

/** Whether a member with `role` has `ability`. `null` (not a member) has none. */
export function can(role: Role | null | undefined, ability: Ability): boolean {
  return role ? ABILITIES[role].includes(ability) : false;
}

/** Whether `actorRole` may give `targetRole` to someone who currently has `currentRole`. */
export function canAssignRole(actorRole: Role, currentRole: Role | null, targetRole: Role): boolean {
  if (!can(actorRole, "manage_members")) return false;
  if (targetRole === "owner" || currentRole === "owner") return can(actorRole, "assign_owner");
  return true;
}

/**
 * Whether a member may write comments: everyone who may edit, and viewers (managers reviewing
 * maps) unless the workspace turned that off. Commenting never changes document content.
 */
export function canComment(role: Role | null | undefined, viewersMayComment: boolean): boolean {
  if (!role) return false;
  return can(role, "edit") || (role === "viewer" && viewersMayComment);
}
