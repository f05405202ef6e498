// The one door to the shared money math and validators (src/domain at the repo root). The server
// computes every amount with it and has no second implementation.
export * from '../../src/domain';
