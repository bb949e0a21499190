import { DomainError } from '@/lib/errors';

export type CustomerManagementErrorCode =
  | 'customer_not_found'
  | 'license_not_found'
  | 'license_revoked'
  | 'not_later'
  | 'domain_exhausted'
  /** An administrator the compliance page does not list (any more): unknown, foreign, enrolled, RSP-linked. */
  | 'admin_not_found';

/** An expected refusal of a customer or license operation; nothing was changed. */
export class CustomerManagementError extends DomainError<CustomerManagementErrorCode> {
  constructor(code: CustomerManagementErrorCode) {
    super(code);
    this.name = 'CustomerManagementError';
  }
}
