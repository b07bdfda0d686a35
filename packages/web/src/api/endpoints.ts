// Transitional: the contract-to-cash fetchers until they move into their resource modules.
export * from './revenue';
