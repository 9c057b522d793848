// Kept equal to package.json's version (checked by test/version.test.ts); the core cannot read files.
export const VERSION = '0.1.0';
