// Moved to @lse/contracts with the name finder.
export { findPatterns } from '@lse/contracts';
