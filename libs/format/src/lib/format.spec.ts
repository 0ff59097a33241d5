import { format } from './format';

describe('format', () => {
  it('should work', () => {
    expect(format()).toEqual('format');
  })
})
