/**
 * `npm run test:unit`: the model, the policies and the components, run on TypeScript directly
 * (transpiled file by file, no type check) so an edit gets feedback in seconds. `npm test` builds
 * and runs everything, engine protocol and end to end included, on the compiled output.
 */
module.exports = {
    testEnvironment: "node",
    roots: ["<rootDir>/test/unit", "<rootDir>/test/components"],
    testMatch: ["**/*.test.ts"],
    // These drive the built pack over the engine protocol: `npm test` runs them.
    testPathIgnorePatterns: [
        "/node_modules/",
        "test/components/packAgreement\\.test\\.ts$",
        "test/components/outsideDefaults\\.test\\.ts$",
        "test/components/providerProtocol\\.test\\.ts$",
    ],
    transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.unit.json", diagnostics: false }] },
    testTimeout: 60000,
};
