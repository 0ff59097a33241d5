import { referenceData } from './reference-data';

describe('referenceData', () => {
  it('should work', () => {
    expect(referenceData()).toEqual('reference-data');
  })
})
