import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next*/**", ".data/**", ".test-data/**"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: files in parallel would fight over CPU and make sync timings flaky.
    fileParallelism: false,
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
  },
});
