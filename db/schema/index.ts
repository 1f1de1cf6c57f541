export * from "./auth";
export * from "./workspaces";
export * from "./collab";
export * from "./maps";
export * from "./personas";
export * from "./comments";
export * from "./mail";
