import { screen } from '@testing-library/react';
import { AuditEventSentence, type AuditEventSentenceProps } from '@/app/tenant/[tenantDomain]/audit/_components/audit-event-sentence';
import { renderWithIntl } from './intl-test-utils';

const resetByReseller: AuditEventSentenceProps['event'] = {
  action: 'user.two_factor_reset',
  result: 'success',
  actorLabel: 'reseller.admin@100001.sms',
  actorTenantName: 'Demo Reseller GmbH',
  isActorFromAnotherTenant: true,
  ipAddress: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  details: { actingFor: '123456.sms', targetUserId: 'b5b1', targetUsername: 'new.admin', resetToken: 'must-not-show' },
};

describe('AuditEventSentence', () => {
  it('reads as a sentence naming the reseller, its tenant and the target', () => {
    renderWithIntl(<AuditEventSentence event={resetByReseller} />);
    expect(screen.getByText('reseller.admin (Demo Reseller GmbH) reset two-factor for new.admin')).toBeInTheDocument();
  });

  it('expands natively to result, address, browser, raw action id and details, never secret-looking fields', () => {
    const { container } = renderWithIntl(<AuditEventSentence event={resetByReseller} />);
    const details = container.querySelector('details')!;
    expect(details).not.toHaveAttribute('open');
    expect(details.querySelector('summary')).toHaveTextContent('Details');
    const text = details.textContent!;
    expect(text).toContain('Success');
    expect(text).toContain('203.0.113.7');
    expect(text).toContain('Chrome 142 on Linux');
    expect(text).toContain('user.two_factor_reset');
    expect(text).toContain('actingFor');
    expect(text).toContain('123456.sms');
    expect(text).not.toContain('must-not-show');
  });

  it('speaks German', () => {
    renderWithIntl(<AuditEventSentence event={resetByReseller} />, { locale: 'de' });
    expect(screen.getByText('reseller.admin (Demo Reseller GmbH) hat die Zwei-Faktor-Authentifizierung von new.admin zurückgesetzt')).toBeInTheDocument();
    expect(screen.getByText('Erfolgreich')).toBeInTheDocument();
  });

  it('leaves out what was not recorded', () => {
    const { container } = renderWithIntl(
      <AuditEventSentence event={{ ...resetByReseller, actorLabel: 'admin@123456.sms', isActorFromAnotherTenant: false, ipAddress: null, userAgent: null, details: { targetUsername: 'new.admin' } }} />,
    );
    expect(screen.getByText('admin reset two-factor for new.admin')).toBeInTheDocument();
    expect(container.querySelector('details')!.textContent).not.toContain('IP address');
  });
});
