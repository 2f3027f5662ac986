// Unit tests sit beside the code; integration tests live in test/ and drive the gateway over HTTP/WS.
/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  // jose is ESM-only: let swc transform it too.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  testPathIgnorePatterns: ['/node_modules/', '/prisma/generated/'],
  setupFiles: ['reflect-metadata'],
  // Integration tests start whole control planes; unit tests finish far below this.
  testTimeout: 30000,
};
