// Contracts of the development module.
export {};
