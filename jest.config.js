/**
 * Unit tests run in parallel; integration and e2e tests boot Strapi and run in band (see package.json).
 * One project per kind of test, each with a global setup that builds what its tests run against
 * through scripts/build.mjs (nothing when it is built), so any jest run works on a fresh clone and
 * never tests an outdated build. Jest runs a project's setup only when one of its tests is selected.
 */
const project = (name) => ({
  displayName: name,
  testEnvironment: 'node',
  roots: [`<rootDir>/test/${name}`],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  globalSetup: `<rootDir>/test/setup/${name}.js`,
});

module.exports = {
  projects: ['unit', 'integration', 'e2e'].map(project),
  testTimeout: 120000,
};
