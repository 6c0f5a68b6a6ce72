import { ValueTransformer } from 'typeorm';

/** pg returns numeric as a string to keep precision; our numerics have one decimal and fit a double. */
export const numeric: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};
