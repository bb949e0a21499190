import type { ReactNode } from 'react';

type RowActionsMenuProps = {
  /** Unique in the page, e.g. `user-actions-<id>`. */
  id: string;
  /** The button: "Actions". */
  label: string;
  /** Who or what the row is, for the button's accessible name and the menu's title. */
  targetName: string;
  /** The menu's heading: "Actions for new.admin". */
  title: string;
  closeLabel: string;
  /** `<li>` items, usually ConfirmAction disclosures. */
  children: ReactNode;
};

/**
 * The actions of one table row in a native popover: HTML opens and closes it (also without
 * JavaScript, with Escape and a click outside), and it sits above the page, so it never
 * stretches the row or gets cut off by a table that scrolls sideways.
 */
export function RowActionsMenu({ id, label, targetName, title, closeLabel, children }: RowActionsMenuProps) {
  const titleId = `${id}-title`;
  return (
    <div className="row-actions">
      <button type="button" className="button button--secondary button--small" popoverTarget={id}>
        {label}
        <span className="visually-hidden"> ({targetName})</span>
      </button>
      <div id={id} popover="auto" role="group" aria-labelledby={titleId} className="row-actions__menu">
        <p id={titleId} className="row-actions__title">
          {title}
        </p>
        <ul className="row-actions__list">{children}</ul>
        <button type="button" className="button button--secondary button--small" popoverTarget={id} popoverTargetAction="hide">
          {closeLabel}
        </button>
      </div>
    </div>
  );
}
