// Contracts of the conversations module.
export {};
