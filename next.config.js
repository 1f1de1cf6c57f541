// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Separate build directories let several builds (tests, benchmarks) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Database drivers and the Yjs stack must be the very same module instances as in server.ts.
  // Export renderers load native code (resvg) and data files next to their modules (pdfkit's font
  // metrics, exceljs): they stay plain Node requires.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "yjs", "y-protocols", "lib0", "ws", "ioredis", "@resvg/resvg-js", "pdfkit", "fontkit", "exceljs"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: { serverActions: { bodySizeLimit: "2mb" } },
};

export default withNextIntl(nextConfig);
