import { DomainError } from '@/lib/errors';

export class ConfigurationProfileError extends DomainError<'profile_not_found' | 'invalid_profile'> {
  constructor(code: 'profile_not_found' | 'invalid_profile') {
    super(code);
    this.name = 'ConfigurationProfileError';
  }
}
