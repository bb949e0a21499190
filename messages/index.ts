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

/** Top-level namespaces only the server renders (emails, the development mailbox): never sent to the browser. */
export const SERVER_ONLY_NAMESPACES = ['email', 'devMailbox'] as const satisfies readonly (keyof Messages)[];

/**
 * What the sign-in pages' client components and form messages look up (/login/…,
 * /password-forgotten): the root layout (app/layout.tsx) sends only these, as whole namespaces.
 */
export const SIGN_IN_MESSAGES = [
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
] as const;

/**
 * What the client components and form states of every other part of the portal look up (the
 * tenant pages, /customer-selection, /security, the account links, /report): PortalMessagesProvider
 * sends these message paths and nothing else. Every other text is rendered on the server, which
 * reads the whole catalogue (i18n/request.ts); sending it all with every page cost half of a
 * signed-in page's HTML and its render time (issue 11). The `<namespace>.errors` families are the
 * tenant actions' refusals (app/_server/tenant-action.ts), `messages` and `validation` their form
 * states. tests/unit/messages.test.ts follows the parts' imports and checks both lists.
 */
export const PORTAL_MESSAGES = [
  'form',
  'validation',
  'errors.generic',
  'header',
  'customerSelection',
  'users.create',
  'users.roles',
  'users.messages',
  'users.errors',
  'users.validation',
  'customers.create',
  'customers.licenseType',
  'customers.detail',
  'customers.invite',
  'customers.messages',
  'customers.errors',
  'customers.validation',
  'configurations.form',
  'configurations.platforms',
  'configurations.messages',
  'configurations.errors',
  'configurations.validation',
  'securityPage.sessions',
  'securityPage.regenerate',
  'login.errors.invalidCode',
  'twoFactorSetup',
  'recoveryCodes',
  'accountLink',
] as const;

type MessageTree = { [key: string]: string | MessageTree };

// The lists are constants and the catalogue never changes: each pick is built once per list and
// language, not in every layout render (the root layout and the portal's layouts call it per request).
const pickedByList = new WeakMap<readonly string[], Map<string, Readonly<MessageTree>>>();

/** The messages at `paths` ('form' a whole namespace, 'users.create' one part of it), nested as in the catalogue; shared, never to be changed. */
export function pickMessages(locale: keyof typeof MESSAGES, paths: readonly string[]): Readonly<MessageTree> {
  let byLocale = pickedByList.get(paths);
  if (!byLocale) pickedByList.set(paths, (byLocale = new Map()));
  const known = byLocale.get(locale);
  if (known) return known;
  const picked = buildPick(locale, paths);
  byLocale.set(locale, picked);
  return picked;
}

function buildPick(locale: keyof typeof MESSAGES, paths: readonly string[]): MessageTree {
  const picked: MessageTree = {};
  for (const messagePath of paths) {
    const keys = messagePath.split('.');
    let source: string | MessageTree | undefined = MESSAGES[locale] as MessageTree;
    for (const key of keys) source = typeof source === 'object' ? source[key] : undefined;
    if (source === undefined) throw new Error(`no messages at ${messagePath}`);
    let target = picked;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as MessageTree;
    target[keys.at(-1)!] = source;
  }
  return picked;
}
