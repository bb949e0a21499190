import type { ReactNode } from 'react';
import { SubmitButton } from './submit-button';
import tableStyles from './data-table/data-table.module.css';

type ConfirmActionProps = {
  /** A server action that ends with a redirect carrying the outcome (app/_server/action-outcome.ts). */
  action: (formData: FormData) => Promise<void>;
  /** Identifies the object (e.g. `userId`); the server re-reads it within the acting tenant. */
  hiddenFields: Record<string, string>;
  /** The disclosure's label: the action ("Reset two-factor"). */
  summary: string;
  /** Names the action and its target: "Reset two-factor for new.admin? …". */
  question: string;
  /** The button that does it, named after the action ("Yes, reset two-factor"). */
  confirmLabel: string;
  isDestructive?: boolean;
  /** Fields the confirmation needs, e.g. the new role. */
  children?: ReactNode;
};

/**
 * An action with a confirmation step and no script: a native disclosure whose summary asks
 * first, and a form inside that does it. Closing the disclosure is the cancel. The result is
 * shown at the top of the page the action redirects to.
 */
export function ConfirmAction({ action, hiddenFields, summary, question, confirmLabel, isDestructive, children }: ConfirmActionProps) {
  return (
    <details className={`confirm-action${isDestructive ? ' confirm-action--danger' : ''}`}>
      {/* Destructive actions (delete, revoke, disable, reset two-factor) look destructive before they are opened. */}
      <summary className={`confirm-action__summary${isDestructive ? ` ${tableStyles.danger}` : ''}`}>{summary}</summary>
      <form action={action} className="confirm-action__form">
        {Object.entries(hiddenFields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <p className="confirm-action__question">{question}</p>
        {children}
        <SubmitButton variant={isDestructive ? 'danger' : 'primary'}>{confirmLabel}</SubmitButton>
      </form>
    </details>
  );
}
