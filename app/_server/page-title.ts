import { getTranslations } from 'next-intl/server';

/** The browser tab title of a page: "Log in · Mobile Security Portal" (the layout sets no template). */
export async function pageTitle(titleKey: string): Promise<string> {
  const t = await getTranslations();
  return `${t(titleKey)} · ${t('app.name')}`;
}
