/**
 * One jest run for the whole repository. swc compiles TypeScript and the ESM-only packages
 * (NestJS 12 and friends) to CommonJS, which is what jest on Node 20 can load.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/faults/'],
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|file-type|strtok3|token-types|peek-readable|@tokenizer|uint8array-extras)/)'],
  // packages the api workspace could not hoist (version conflicts) resolve from its own node_modules
  moduleDirectories: ['node_modules', '<rootDir>/apps/api/node_modules'],
  moduleNameMapper: { '^@alliance/domain$': '<rootDir>/libs/domain/src/index.ts' },
  testTimeout: 30000,
};
