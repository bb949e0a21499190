'use client';

import { useEffect, useRef } from 'react';
import type { OutcomeMessage } from '@/lib/forms/action-outcome';

/**
 * The page-level answer to an action (app/_server/action-outcome.ts). Both live regions are
 * always rendered, so a result that arrives with a client navigation is announced; errors
 * interrupt, confirmations wait their turn. With JavaScript the focus also moves here, since the
 * menu the action was started from is closed again; without it the page loads with the
 * message at the top of its content.
 */
export function ActionResult({ message }: { message: OutcomeMessage | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = message?.key;
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  return (
    <div ref={ref} tabIndex={-1} className="form-messages action-result">
      <div role="alert" aria-atomic="true" className="form-message form-message--error">
        {message?.status === 'error' ? message.text : null}
      </div>
      <div role="status" aria-atomic="true" className="form-message form-message--success">
        {message?.status === 'success' ? message.text : null}
      </div>
    </div>
  );
}
