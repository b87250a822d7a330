// Users by id, batched per request: twenty notes asking for their owners are
// one query, not twenty (DataLoader gathers the ids of one tick). Lives in the
// request's scope, so its cache is exactly as old as the request.
import DataLoader from 'dataloader';
import type { UserId } from '../platform/ids.js';
import type { RequestScope } from '../platform/request-context.js';
import type { UserRecord } from '../repositories/records.js';
import type { UserRepository } from '../repositories/user-repository.js';

export type LoadUser = (scope: RequestScope, id: UserId) => Promise<UserRecord | undefined>;

export function createUserLoader(users: UserRepository): LoadUser {
  const key = {}; // this loader's slot in each request's scope
  const batch = async (ids: readonly UserId[]) => {
    const found = new Map((await users.findByIds(ids)).map((user) => [user.id, user]));
    return ids.map((id) => found.get(id));
  };
  return (scope, id) => scope.memo(key, () => new DataLoader<UserId, UserRecord | undefined>(batch)).load(id);
}
