import nock from 'nock';
import { afterEach, beforeAll, afterAll } from 'vitest';

/** Disables real network for the file and fails any test that leaves a stub unused. */
export function useNock(): void {
  beforeAll(() => {
    nock.disableNetConnect();
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    if (pending.length) throw new Error(`unused HTTP stubs: ${pending.join(', ')}`);
  });
  afterAll(() => {
    nock.enableNetConnect();
  });
}
