import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireTenantPermission } from '@/app/_server/request-context';
import { ActionResult } from '@/app/_components/action-result';
import { ConfirmAction } from '@/app/_components/confirm-action';
import { RowActionsMenu } from '@/app/_components/row-actions-menu';
import { readOutcomeMessage } from '@/app/_server/action-outcome';
import { hasPermission } from '@/lib/access/permissions';
import { listConfigurationProfiles } from '@/lib/configurations/list-configuration-profiles';
import { deleteProfileAction } from './actions';
import { TableScroll } from '@/app/_components/table-scroll';
import { pageTitle } from '@/app/_server/page-title';
import { MainContent } from '@/app/_components/main-content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('configurations.title') };
}

export default async function ConfigurationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenantDomain: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tenantDomain } = await params;
  const access = await requireTenantPermission(tenantDomain, 'configurations.view');
  const domain = access.actingTenant.tenantDomain;
  const [profiles, t, format] = await Promise.all([listConfigurationProfiles(access), getTranslations('configurations'), getFormatter()]);
  const canManage = hasPermission(access, 'configurations.manage');
  const result = await readOutcomeMessage(await searchParams, 'configurations', (target) => ({ name: profiles.find((profile) => profile.id === target)?.name ?? '' }));

  return (
    <MainContent className="page">
      <h1>{t('title')}</h1>
      <p>{t('intro', { tenantName: access.actingTenant.name })}</p>
      <ActionResult message={result} />
      {canManage ? (
        <p>
          <Link href={`/tenant/${domain}/configurations/new`} className="button button--primary">
            {t('newProfile')}
          </Link>
        </p>
      ) : null}
      {profiles.length === 0 ? (
        <p className="empty-state">{t('empty')}</p>
      ) : (
        <TableScroll label={t('table.caption')}>
          <table key={result?.key} className="data-table data-table--stack">
            <caption className="visually-hidden">{t('table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.name')}</th>
                <th scope="col">{t('table.platform')}</th>
                <th scope="col">{t('table.summary')}</th>
                <th scope="col">{t('table.updatedAt')}</th>
                {canManage ? <th scope="col">{t('table.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {profiles.map((profile) => {
                const settings = profile.settings as { passcodeMinLength?: number; screenLockMinutes?: number; cameraAllowed?: boolean; wifiNetworks?: string[] };
                return (
                  <tr key={profile.id}>
                    <th scope="row">
                      {canManage ? (
                        <Link href={`/tenant/${domain}/configurations/${profile.id}`} aria-label={`${profile.name} – ${t('edit')}`}>
                          {profile.name}
                        </Link>
                      ) : (
                        profile.name
                      )}
                    </th>
                    <td data-label={t('table.platform')}>{t(`platforms.${profile.platform}`)}</td>
                    <td data-label={t('table.summary')}>
                      {t('summary', {
                        passcodeMinLength: settings.passcodeMinLength ?? 0,
                        screenLockMinutes: settings.screenLockMinutes ?? 0,
                        camera: settings.cameraAllowed ? t('cameraOn') : t('cameraOff'),
                        wifiCount: settings.wifiNetworks?.length ?? 0,
                      })}
                    </td>
                    <td data-label={t('table.updatedAt')}>{format.dateTime(new Date(profile.updatedAt), { dateStyle: 'medium', timeZone: 'UTC' })}</td>
                    {canManage ? (
                      <td className="data-table__actions">
                        <RowActionsMenu id={`profile-actions-${profile.id}`} label={t('table.actions')} targetName={profile.name} title={t('menuTitle', { name: profile.name })} closeLabel={t('close')}>
                          <li>
                            <Link href={`/tenant/${domain}/configurations/${profile.id}`} className="row-actions__link">
                              {t('edit')}
                            </Link>
                          </li>
                          <li>
                            <ConfirmAction
                              action={deleteProfileAction.bind(null, domain)}
                              hiddenFields={{ profileId: profile.id }}
                              summary={t('delete')}
                              question={t('confirmDelete', { name: profile.name })}
                              confirmLabel={t('confirmDeleteButton')}
                              isDestructive
                            />
                          </li>
                        </RowActionsMenu>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </MainContent>
  );
}
