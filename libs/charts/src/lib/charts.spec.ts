import { charts } from './charts';

describe('charts', () => {
  it('should work', () => {
    expect(charts()).toEqual('charts');
  })
})
