import { z } from 'zod';
import { devicePlatform } from '@/db/schema';
import { parseForm, type ParsedForm } from '@/lib/forms/parse-form';
import { profileInputSchema, type ProfileInput } from './profile-settings';

export type ProfileField =
  | 'name'
  | 'platform'
  | 'passcodeMinLength'
  | 'screenLockMinutes'
  | 'cameraAllowed'
  | 'wifiNetworks'
  | 'allowUnknownSources'
  | 'allowAppStore';

const checkbox = z.literal('on').optional();

// The form's own shape (strings from FormData); the settings rules live in profile-settings.ts.
const profileFormSchema = z.strictObject({
  name: z.string().max(200, 'validation.tooLong'),
  platform: z.enum(devicePlatform.enumValues, 'configurations.validation.platform'),
  passcodeMinLength: z.string().max(10, 'configurations.validation.passcodeMinLength'),
  screenLockMinutes: z.string().max(10, 'configurations.validation.screenLockMinutes'),
  cameraAllowed: checkbox,
  wifiNetworks: z.string().max(2000, 'validation.tooLong'),
  allowUnknownSources: checkbox,
  allowAppStore: checkbox,
});

const KEPT_FIELDS: readonly ProfileField[] = ['name', 'platform', 'passcodeMinLength', 'screenLockMinutes', 'cameraAllowed', 'wifiNetworks', 'allowUnknownSources', 'allowAppStore'];

function toInteger(value: string): number {
  return /^\s*\d{1,6}\s*$/.test(value) ? Number.parseInt(value, 10) : Number.NaN;
}

/** FormData of the profile form → a validated profile, or the form state with field errors. */
export function parseProfileForm(formData: FormData): ParsedForm<ProfileInput, ProfileField> {
  const form = parseForm(profileFormSchema, formData, KEPT_FIELDS);
  if (!form.ok) return form;
  const data = form.data;
  const isAndroid = data.platform === 'android';
  const settings = {
    passcodeMinLength: toInteger(data.passcodeMinLength),
    screenLockMinutes: toInteger(data.screenLockMinutes),
    cameraAllowed: data.cameraAllowed === 'on',
    wifiNetworks: data.wifiNetworks.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0),
    ...(isAndroid ? { allowUnknownSources: data.allowUnknownSources === 'on' } : { allowAppStore: data.allowAppStore === 'on' }),
  };
  // The form sends both platforms' toggles (the page shows the chosen one, also without
  // JavaScript); only the chosen platform's toggle is read, the other is never stored.
  const fieldErrors: Partial<Record<ProfileField, string[]>> = {};
  const parsed = profileInputSchema.safeParse({ name: data.name, platform: data.platform, settings });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = (issue.path[0] === 'settings' ? issue.path[1] : issue.path[0]) as ProfileField;
      const message = issue.message.includes('.') ? issue.message : 'validation.invalid';
      fieldErrors[field] = [...new Set([...(fieldErrors[field] ?? []), message])];
    }
  }
  if (!parsed.success || Object.keys(fieldErrors).length > 0) {
    const values = Object.fromEntries(KEPT_FIELDS.flatMap((field) => (typeof data[field] === 'string' ? [[field, data[field]]] : [])));
    return { ok: false, state: { status: 'error', message: 'validation.checkFields', fieldErrors, values } };
  }
  return { ok: true, data: parsed.data };
}
