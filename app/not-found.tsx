import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { MainContent } from './_components/main-content';

// Also shown when a tenant exists but is not the person's: a 404 reveals no more than a missing page.
export default function NotFound() {
  const t = useTranslations('errors.notFound');
  return (
    <MainContent className="page page--centered">
      <div className="card">
        <h1>{t('title')}</h1>
        <p>{t('body')}</p>
        <p>
          <Link href="/">{t('home')}</Link>
        </p>
      </div>
    </MainContent>
  );
}
