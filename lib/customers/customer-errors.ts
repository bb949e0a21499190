import { DomainError } from '@/lib/errors';

export type CustomerManagementErrorCode = 'customer_not_found' | 'license_not_found' | 'license_revoked' | 'not_later' | 'domain_exhausted';

/** An expected refusal of a customer or license operation; nothing was changed. */
export class CustomerManagementError extends DomainError<CustomerManagementErrorCode> {
  constructor(code: CustomerManagementErrorCode) {
    super(code);
    this.name = 'CustomerManagementError';
  }
}
