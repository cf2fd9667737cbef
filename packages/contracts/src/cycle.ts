// Contracts of the cycle module.
export {};
