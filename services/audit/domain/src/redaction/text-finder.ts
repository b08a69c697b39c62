// The finder moved to @lse/contracts (crypto-shredding seals the names it finds, too).
export { findInText, foldName, NameFinder, type KnownName, type TextFinding } from '@lse/contracts';
