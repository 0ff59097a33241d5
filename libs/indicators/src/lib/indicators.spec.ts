import { indicators } from './indicators';

describe('indicators', () => {
  it('should work', () => {
    expect(indicators()).toEqual('indicators');
  })
})
