// Contracts of the feedback module.
export {};
