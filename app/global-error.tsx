'use client';

import { REQUEST_REFERENCE_ELEMENT_ID, useRequestReference } from './_components/use-request-reference';
import './globals.css';

type GlobalErrorProps = {
  error: unknown;
  retry: () => void;
};

// Replaces the root layout when that layout itself fails, so neither the messages nor the
// translation provider can be relied on here: plain English only.
export default function GlobalError({ error, retry }: GlobalErrorProps) {
  const reference = useRequestReference(error);

  return (
    <html lang="en">
      <body>
        <main id="main" className="page page--centered">
          <div className="card">
            <h1>Something went wrong</h1>
            <p>
              An unexpected error occurred. Please try again.
              {reference ? (
                <>
                  {' If the problem persists, contact support and quote the reference '}
                  <code id={REQUEST_REFERENCE_ELEMENT_ID}>{reference}</code>.
                </>
              ) : null}
            </p>
            <button type="button" className="button button--primary" onClick={() => retry()}>
              Try again
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
