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
