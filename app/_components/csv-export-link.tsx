/**
 * "Export as CSV" for a list: a plain link to the list's export route with the filters on
 * screen, so the download works without JavaScript. `download` keeps the page in place.
 */
export function CsvExportLink({ href, label, hint }: { href: string; label: string; hint: string }) {
  return (
    <p className="csv-export">
      <a href={href} download className="csv-export__link">
        {label}
      </a>{' '}
      <span className="csv-export__hint">{hint}</span>
    </p>
  );
}
