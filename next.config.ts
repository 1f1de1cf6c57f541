import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Separate build directories let several builds (tests, benchmarks) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Database drivers and the Yjs stack must be the very same module instances as in server.ts.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "yjs", "y-protocols", "lib0", "ws", "ioredis"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc) as its own step; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  experimental: { serverActions: { bodySizeLimit: "2mb" } },
};

export default withNextIntl(nextConfig);
