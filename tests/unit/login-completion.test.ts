import { collectLoginCompletion, reportLoginCompletion } from '@/lib/auth/login-completion';

describe('login completion (the start page from the code step)', () => {
  it('hands what the credentials provider reports, across awaits, to the sign-in that collects it', async () => {
    const completion = await collectLoginCompletion(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      reportLoginCompletion('/customer-selection');
    });
    expect(completion).toEqual({ startPath: '/customer-selection' });
  });

  it('keeps two concurrent sign-ins apart', async () => {
    const slow = collectLoginCompletion(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      reportLoginCompletion('/tenant/111111.sms');
    });
    const fast = collectLoginCompletion(async () => reportLoginCompletion('/tenant/222222.sms'));
    expect(await fast).toEqual({ startPath: '/tenant/222222.sms' });
    expect(await slow).toEqual({ startPath: '/tenant/111111.sms' });
  });

  it('reports nothing when the sign-in failed before the second factor was verified, and lets its error through', async () => {
    await expect(collectLoginCompletion(async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(await collectLoginCompletion(async () => undefined)).toEqual({ startPath: null });
  });

  it('is a no-op outside a collection', () => {
    expect(() => reportLoginCompletion('/tenant/123456.sms')).not.toThrow();
  });
});
