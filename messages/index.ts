import deAccountLink from './de/account-link.json';
import deCommon from './de/common.json';
import deEmail from './de/email.json';
import deLogin from './de/login.json';
import deTenant from './de/tenant.json';
import deTwoFactor from './de/two-factor.json';
import deAudit from './de/audit.json';
import deConfigurations from './de/configurations.json';
import deUsers from './de/users.json';
import deCustomerSelection from './de/customer-selection.json';
import deCustomers from './de/customers.json';
import deDataTable from './de/data-table.json';
import enAccountLink from './en/account-link.json';
import enCommon from './en/common.json';
import enEmail from './en/email.json';
import enLogin from './en/login.json';
import enTenant from './en/tenant.json';
import enTwoFactor from './en/two-factor.json';
import enAudit from './en/audit.json';
import enConfigurations from './en/configurations.json';
import enUsers from './en/users.json';
import enCustomerSelection from './en/customer-selection.json';
import enCustomers from './en/customers.json';
import enDataTable from './en/data-table.json';

// One file per feature and language (top-level keys must not repeat across files); each
// feature adds its pair here. tests/unit/messages.test.ts checks both languages match.
export const MESSAGES = {
  en: { ...enTwoFactor, ...enAccountLink, ...enCommon, ...enEmail, ...enLogin, ...enTenant, ...enUsers, ...enConfigurations, ...enAudit, ...enCustomerSelection, ...enCustomers, ...enDataTable },
  de: { ...deTwoFactor, ...deAccountLink, ...deCommon, ...deEmail, ...deLogin, ...deTenant, ...deUsers, ...deConfigurations, ...deAudit, ...deCustomerSelection, ...deCustomers, ...deDataTable },
};

export type Messages = (typeof MESSAGES)['en'];

/**
 * The catalogue the browser gets (app/layout.tsx): everything but the texts only the server renders,
 * emails and the development mailbox, which would otherwise travel in every page's HTML.
 * tests/unit/messages.test.ts checks that no client component asks for them.
 */
export function browserMessages(locale: keyof typeof MESSAGES) {
  const { email: _email, devMailbox: _devMailbox, ...messages } = MESSAGES[locale];
  return messages;
}

/**
 * The namespaces the sign-in pages' client components and form messages use (/login/…,
 * /password-forgotten): app/layout.tsx sends only these (about a third of the catalogue); every
 * other part of the portal wraps its pages in PortalMessagesProvider with the whole catalogue
 * (issue 11). tests/unit/messages.test.ts follows the sign-in pages' imports and checks the list.
 */
export const SIGN_IN_NAMESPACES = [
  'app',
  'form',
  'validation',
  'errors',
  'language',
  'login',
  'twoFactor',
  'twoFactorSetup',
  'twoFactorDialog',
  'recoveryCodes',
  'recoveryLogin',
  'passwordForgotten',
] as const satisfies readonly (keyof Messages)[];

export function signInMessages(locale: keyof typeof MESSAGES): Pick<Messages, (typeof SIGN_IN_NAMESPACES)[number]> {
  const all = MESSAGES[locale] as Messages;
  return Object.fromEntries(SIGN_IN_NAMESPACES.map((namespace) => [namespace, all[namespace]])) as Pick<Messages, (typeof SIGN_IN_NAMESPACES)[number]>;
}
