import { Fragment } from 'react';
import { useTranslations } from 'next-intl';
import { describeAuditEvent, formatAuditSentence, visibleAuditDetails, type AuditTranslator } from '@/lib/audit-log/describe-audit-event';
import type { AuditEventView } from '@/lib/audit-log/list-audit-events';
import { describeDevice } from '@/lib/sessions/describe-device';

export type AuditEventSentenceProps = {
  event: Pick<AuditEventView, 'action' | 'result' | 'actorLabel' | 'actorTenantName' | 'isActorFromAnotherTenant' | 'details' | 'ipAddress' | 'userAgent'>;
};

/**
 * One audit event as a sentence ("reseller.admin (Demo Reseller GmbH) reset two-factor for
 * new.admin"); the facts behind it expand in a native <details>, so no script is needed.
 */
export function AuditEventSentence({ event }: AuditEventSentenceProps) {
  const t = useTranslations('audit');
  const sentence = formatAuditSentence(t as unknown as AuditTranslator, describeAuditEvent(event));
  const device = describeDevice(event.userAgent);
  const deviceText = device.browser && device.os ? t('details.device', { browser: device.browser, os: device.os }) : (device.browser ?? device.os);
  return (
    <div className="audit-event">
      <p className="audit-event__sentence">{sentence}</p>
      <details className="audit-event__details">
        <summary>{t('details.summary')}</summary>
        <dl className="audit-event__facts">
          <dt>{t('details.result')}</dt>
          <dd>{t(`results.${event.result}`)}</dd>
          {event.ipAddress ? (
            <>
              <dt>{t('details.ipAddress')}</dt>
              <dd>{event.ipAddress}</dd>
            </>
          ) : null}
          {event.userAgent ? (
            <>
              <dt>{t('details.userAgent')}</dt>
              <dd className="audit-event__wrap">
                {deviceText ? <>{deviceText}<br /></> : null}
                <small>{event.userAgent}</small>
              </dd>
            </>
          ) : null}
          <dt>{t('details.action')}</dt>
          <dd>
            <code>{event.action}</code>
          </dd>
          {visibleAuditDetails(event.details).map(([key, value]) => (
            <Fragment key={key}>
              <dt>
                <code>{key}</code>
              </dt>
              <dd className="audit-event__wrap">{value}</dd>
            </Fragment>
          ))}
        </dl>
      </details>
    </div>
  );
}
