// Existing users get their skeleton at the first start with
// EMAIL_UTF8_LOCAL_PARTS on (a migration cannot compute one in SQL), and
// users made while it was off at the next start with it on, so the unique
// skeleton index covers every account before the server takes a sign-up.
import type { UserId } from '../platform/ids.js';
import type { UserRepository } from '../repositories/user-repository.js';
import { emailSkeleton } from './email-skeleton.js';

export interface SkeletonBackfill {
  /** Users that got their skeleton now. */
  readonly filled: number;
  /** Users whose address looks like another user's: they keep no skeleton (and stay tried at every start). */
  readonly lookAlikes: readonly UserId[];
}

export async function backfillEmailSkeletons(users: UserRepository, pageSize = 500): Promise<SkeletonBackfill> {
  let filled = 0;
  const lookAlikes: UserId[] = [];
  let after: UserId | undefined;
  for (;;) {
    const page = await users.listWithoutSkeleton(after, pageSize);
    for (const { id, email } of page) {
      if (await users.setEmailSkeleton(id, emailSkeleton(email.toLowerCase()))) filled += 1;
      else lookAlikes.push(id);
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) return { filled, lookAlikes };
    after = last.id;
  }
}
