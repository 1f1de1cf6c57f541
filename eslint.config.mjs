// ESLint flat config: typescript-eslint (syntax-level rules: fast enough for `npm test` on a small
// machine; tsc checks types as its own step), the Rules of Hooks plus React Compiler diagnostics
// (eslint-plugin-react-hooks), and Next's own rules (@next/next). `eslint . --max-warnings 0`.
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores([".next*/", "node_modules/", "test-results/", "playwright-report/", ".data/", ".test-data/", "next-env.d.ts", "db/migrations/", "scripts/tmp-*.ts", "**/*.tmp.*"]),
  tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mjs,js}"],
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      // `_name` marks a parameter or binding kept on purpose (callback signatures, destructuring to omit).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
    },
    settings: { next: { rootDir: "." } },
  },
  {
    // Playwright fixtures call their own `use()`, which is not React's.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
);
