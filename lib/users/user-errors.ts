import { DomainError } from '@/lib/errors';

export type UserManagementErrorCode =
  | 'user_not_found'
  | 'username_taken'
  | 'role_not_grantable'
  | 'last_admin'
  | 'cannot_disable_self'
  | 'user_disabled';

/** An expected refusal of a user-management operation; nothing was changed. */
export class UserManagementError extends DomainError<UserManagementErrorCode> {
  constructor(code: UserManagementErrorCode) {
    super(code);
    this.name = 'UserManagementError';
  }
}
