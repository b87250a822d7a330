// The access stage's public entry: what the server (app.ts), the HTTP stage
// (which logs and explains denials) and the CLI's permissions matrix use.
// Everything else in src/access/ is its own business (.dependency-cruiser.cjs).
export { applyAccessRules } from './create-shield.js';
export { checkPublicOwnerFields } from './public-owner-fields.js';
export { readAccessDirectives, reachableObjectTypes, type AccessMap } from './read-access-directives.js';
export type { AccessDeclaration, AuthDeclaration } from './rules.js';
