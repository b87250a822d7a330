// Which user rows a lookup matches, once for both dialects.
import { eq, or, sql, type Column, type Placeholder, type SQL } from 'drizzle-orm';
import type { StoredEmail } from './records.js';

export const userFilters = (u: { readonly email: Column; readonly emailSkeleton: Column }) => {
  /**
   * Case-insensitive, like the unique index on lower(email), which this
   * expression can use. Emails are stored normalised; this also finds rows
   * written by anything that forgot to.
   */
  const email = (address: string | Placeholder): SQL => sql`lower(${u.email}) = lower(${address})`;
  return {
    email,
    /** The rows an address collides with: the same email, or (when it has one) the same skeleton. */
    holding: (address: StoredEmail): SQL | undefined =>
      address.emailSkeleton === null ? email(address.email) : or(email(address.email), eq(u.emailSkeleton, address.emailSkeleton)),
  };
};

/** Which of the colliding rows' emails decides the answer of UserRepository.whoHas. */
export const collision = (address: StoredEmail, holders: ReadonlyArray<{ readonly email: string }>): 'email' | 'skeleton' | undefined =>
  holders.length === 0 ? undefined : holders.some((row) => row.email.toLowerCase() === address.email.toLowerCase()) ? 'email' : 'skeleton';
