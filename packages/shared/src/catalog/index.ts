// The catalog's pure rules (issue 11 §1), shared by the server and the web app: configuration validation, variant
// generation with exclusions, exact unit conversions.
export * from './configure.js';
export * from './variants.js';
export * from './units.js';
