// Which user rows a lookup matches, once for both dialects.
import { sql, type Column, type Placeholder, type SQL } from 'drizzle-orm';

export const userFilters = (u: { readonly id: Column; readonly email: Column }) => ({
  /**
   * Case-insensitive, like the unique index on lower(email), which this
   * expression can use. Emails are stored normalised; this also finds rows
   * written by anything that forgot to.
   */
  email: (email: string | Placeholder): SQL => sql`lower(${u.email}) = lower(${email})`,
  /** This user, while its address is still `email`: a link mailed to an old address verifies nothing. */
  idWithEmail: (id: string, email: string): SQL => sql`${u.id} = ${id} and lower(${u.email}) = lower(${email})`,
});
