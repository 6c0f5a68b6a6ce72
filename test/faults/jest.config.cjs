/**
 * The fault suite (`npm run test:faults`): the API and the worker as processes while Redis,
 * PostgreSQL, a worker or the API itself go away under load. Same compilation as the root config;
 * only test/faults, one file at a time (--runInBand), with room for restarts.
 */
const path = require('node:path');
const root = require('../../jest.config.cjs');

module.exports = {
  testEnvironment: root.testEnvironment,
  rootDir: path.join(__dirname, '../..'),
  roots: ['<rootDir>/test/faults'],
  testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: root.transform,
  transformIgnorePatterns: root.transformIgnorePatterns,
  moduleDirectories: root.moduleDirectories,
  moduleNameMapper: root.moduleNameMapper,
  testTimeout: 180_000,
};
