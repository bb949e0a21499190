import deCommon from './de/common.json';
import deLogin from './de/login.json';
import deTenant from './de/tenant.json';
import enCommon from './en/common.json';
import enLogin from './en/login.json';
import enTenant from './en/tenant.json';

// One file per feature and language (top-level keys must not repeat across files); each
// feature adds its pair here. tests/unit/messages.test.ts checks both languages match.
export const MESSAGES = {
  en: { ...enCommon, ...enLogin, ...enTenant },
  de: { ...deCommon, ...deLogin, ...deTenant },
};

export type Messages = (typeof MESSAGES)['en'];
