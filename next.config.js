// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Separate build directories let several builds (tests, benchmarks) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Database drivers and the Yjs stack must be the very same module instances as in server.ts.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "yjs", "y-protocols", "lib0", "ws", "ioredis"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: { serverActions: { bodySizeLimit: "2mb" } },
};

export default withNextIntl(nextConfig);
