// Lint: typescript-eslint's recommended rules, plus the type-aware rules that catch real bugs here —
// promises left floating or passed where a callback's result is ignored (a policy that rejects late
// fails every user's preview; an engine callback that rejects unhandled ends `check`).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
    {
        ignores: [
            "dist/**",
            "node_modules/**",
            "policypack/bin/**",
            "policypack/node_modules/**",
            "test/fixtures/**",
            "bench/programs/**",
            "bench/packs/**",
            "test/engine/packs/**",
            "**/*.js",
            "**/*.mjs",
        ],
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        rules: {
            "@typescript-eslint/no-floating-promises": "error",
            "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false } }],
            "@typescript-eslint/await-thenable": "error",
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
            // Requiring a module found at run time (the program's own SDK, a pack folder) is the point in places.
            "@typescript-eslint/no-require-imports": "off",
        },
    },
    {
        // Tests read untyped JSON reports, SARIF and generated protobuf messages; a type for each adds nothing.
        files: ["test/**/*.ts"],
        rules: { "@typescript-eslint/no-explicit-any": "off" },
    },
    prettier,
);
