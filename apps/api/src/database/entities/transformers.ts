import { ValueTransformer } from 'typeorm';

/**
 * PostgreSQL bigint arrives as a string through `pg`. Money is stored as integer cents in bigint;
 * cents stay exact in a JS number up to 2^53 (≈ 90 000 milliards d'euros), checked here.
 */
export const bigintCents: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => {
    if (v === null || v === undefined) return null;
    const n = Number(v);
    if (!Number.isSafeInteger(n)) throw new Error(`Montant hors limites : ${v}`);
    return n;
  },
};

/** numeric(p,s) arrives as a string; FTE and targets are small decimals, exact as JS numbers at 2 decimals. */
export const numericNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null || v === undefined ? null : Number(v)),
};
