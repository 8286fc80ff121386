import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // Test files hold no React components; useTestDatabase() is a Vitest fixture, not a hook.
  { files: ["**/*.test.ts"], rules: { "react-hooks/rules-of-hooks": "off" } },
  globalIgnores([".next/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
