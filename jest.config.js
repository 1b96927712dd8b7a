/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  setupFiles: ["<rootDir>/test/support/jsdom-setup.js"],
};
