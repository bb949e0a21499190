import { z } from 'zod';
import type { DevicePlatform } from '@/db/schema';

// A small, typed set of device settings. Strict: an unknown key (or the other platform's
// key) is refused, so `settings` only ever holds what the schema allows.
const ssidSchema = z.string().min(1, 'configurations.validation.ssidLength').max(32, 'configurations.validation.ssidLength');

const commonSettings = {
  passcodeMinLength: z.int('configurations.validation.passcodeMinLength').min(4, 'configurations.validation.passcodeMinLength').max(16, 'configurations.validation.passcodeMinLength'),
  screenLockMinutes: z.int('configurations.validation.screenLockMinutes').min(1, 'configurations.validation.screenLockMinutes').max(60, 'configurations.validation.screenLockMinutes'),
  cameraAllowed: z.boolean(),
  wifiNetworks: z.array(ssidSchema).max(20, 'configurations.validation.wifiNetworksCount'),
};

export const androidSettingsSchema = z.strictObject({ ...commonSettings, allowUnknownSources: z.boolean() });
export const iosSettingsSchema = z.strictObject({ ...commonSettings, allowAppStore: z.boolean() });

export type AndroidSettings = z.infer<typeof androidSettingsSchema>;
export type IosSettings = z.infer<typeof iosSettingsSchema>;
export type ProfileSettings = AndroidSettings | IosSettings;

export function settingsSchemaFor(platform: DevicePlatform) {
  return platform === 'android' ? androidSettingsSchema : iosSettingsSchema;
}

export const profileNameSchema = z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong');

export const profileInputSchema = z.discriminatedUnion('platform', [
  z.strictObject({ name: profileNameSchema, platform: z.literal('android'), settings: androidSettingsSchema }),
  z.strictObject({ name: profileNameSchema, platform: z.literal('ios'), settings: iosSettingsSchema }),
]);

export type ProfileInput = z.infer<typeof profileInputSchema>;
