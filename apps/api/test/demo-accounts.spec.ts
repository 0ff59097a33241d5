import * as argon2 from 'argon2';
import { DEMO_PASSWORD, DEMO_PASSWORD_HASH } from '../src/auth/demo-accounts';

describe('demo accounts', () => {
  it('store the pre-computed argon2id hash of the public demo password, with the parameters of every other hash', async () => {
    expect(DEMO_PASSWORD_HASH).toMatch(/^\$argon2id\$/);
    expect(await argon2.verify(DEMO_PASSWORD_HASH, DEMO_PASSWORD)).toBe(true);
    expect(await argon2.verify(DEMO_PASSWORD_HASH, 'autre chose')).toBe(false);
    // Same cost as hashPassword (the library's defaults): a login would not re-hash it.
    expect(argon2.needsRehash(DEMO_PASSWORD_HASH)).toBe(false);
  });
});
