import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireTenantPermission } from '@/app/_server/request-context';
import { ActionResult } from '@/app/_components/action-result';
import { ConfirmAction } from '@/app/_components/confirm-action';
import { RowActionsMenu } from '@/app/_components/row-actions-menu';
import { readOutcomeMessage } from '@/app/_server/action-outcome';
import { hasPermission } from '@/lib/access/permissions';
import { getConfigurationProfile, listConfigurationProfiles, PROFILE_SORT_KEYS, PROFILES_PAGE_SIZE, type ConfigurationProfileView } from '@/lib/configurations/list-configuration-profiles';
import { readOutcome } from '@/lib/forms/action-outcome';
import { readTableQuery } from '@/lib/pagination/table-query';
import { DataTable, paginationOf, type DataTableColumn } from '@/app/_components/data-table/data-table';
import { deleteProfileAction } from './actions';
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
  const query = await searchParams;
  const { sort, page: pageRequest, pageNumber } = readTableQuery(query, { pageSize: PROFILES_PAGE_SIZE, sortKeys: PROFILE_SORT_KEYS });
  const outcomeTarget = readOutcome(query)?.target;
  const [page, target, t, format] = await Promise.all([
    listConfigurationProfiles(access, { sort, page: pageRequest }),
    outcomeTarget ? getConfigurationProfile(access, outcomeTarget) : null,
    getTranslations('configurations'),
    getFormatter(),
  ]);
  const canManage = hasPermission(access, 'configurations.manage');
  const result = await readOutcomeMessage(query, 'configurations', () => ({ name: target?.name ?? '' }));

  const columns: DataTableColumn<ConfigurationProfileView>[] = [
    {
      id: 'name',
      header: t('table.name'),
      sortKey: 'name',
      isRowHeader: true,
      cell: (profile) =>
        canManage ? (
          <Link href={`/tenant/${domain}/configurations/${profile.id}`} aria-label={`${profile.name} – ${t('edit')}`}>
            {profile.name}
          </Link>
        ) : (
          profile.name
        ),
    },
    { id: 'platform', header: t('table.platform'), sortKey: 'platform', cell: (profile) => t(`platforms.${profile.platform}`) },
    {
      id: 'summary',
      header: t('table.summary'),
      cell: (profile) => {
        const settings = profile.settings as { passcodeMinLength?: number; screenLockMinutes?: number; cameraAllowed?: boolean; wifiNetworks?: string[] };
        return t('summary', {
          passcodeMinLength: settings.passcodeMinLength ?? 0,
          screenLockMinutes: settings.screenLockMinutes ?? 0,
          camera: settings.cameraAllowed ? t('cameraOn') : t('cameraOff'),
          wifiCount: settings.wifiNetworks?.length ?? 0,
        });
      },
    },
    { id: 'updated', header: t('table.updatedAt'), sortKey: 'updated', cell: (profile) => format.dateTime(new Date(profile.updatedAt), { dateStyle: 'medium', timeZone: 'UTC' }) },
  ];
  const rowActions = (profile: ConfigurationProfileView) => (
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
  );

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
      <DataTable
        // Keyed by the outcome: after an action every menu is closed again.
        key={result?.key}
        caption={t('table.caption')}
        columns={columns}
        rows={page.rows}
        rowKey={(profile) => profile.id}
        rowAttributes={(profile) => ({ 'data-profile': profile.name })}
        emptyMessage={t('empty')}
        path={`/tenant/${domain}/configurations`}
        sort={sort}
        pagination={paginationOf(page, pageNumber, PROFILES_PAGE_SIZE)}
        rowActions={canManage ? { header: t('table.actions'), render: rowActions } : undefined}
      />
    </MainContent>
  );
}
