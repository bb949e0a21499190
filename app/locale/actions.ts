'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/locales';
import { formDataToObject } from '@/lib/forms/parse-form';
import { safeReturnTo } from '@/lib/http/return-to';

const ONE_YEAR_IN_SECONDS = 60 * 60 * 24 * 365;

const setLocaleSchema = z.strictObject({
  locale: z.enum(LOCALES),
  returnTo: z.string().optional(),
});

/**
 * Stores the chosen language and sends the person back to the page they were on. Open to anonymous
 * visitors (the login page has the switcher too); it touches nothing but the locale cookie.
 */
export async function setLocale(formData: FormData): Promise<void> {
  // Pick the fields by name: the form data can also carry the framework's own `$ACTION_…` entries.
  const fields = formDataToObject(formData);
  const returnToField = fields.returnTo;
  const parsed = setLocaleSchema.safeParse({ locale: fields.locale, returnTo: returnToField });
  if (parsed.success) {
    const cookieStore = await cookies();
    cookieStore.set(LOCALE_COOKIE, parsed.data.locale, {
      path: '/',
      maxAge: ONE_YEAR_IN_SECONDS,
      sameSite: 'lax',
      // Only a language preference, so readable by scripts is fine; never sent over plain HTTP in production.
      httpOnly: false,
      secure: process.env.NODE_ENV === 'production',
    });
  }
  // redirect() throws, so it stays outside any try/catch.
  redirect(safeReturnTo(returnToField));
}
