import { render, screen } from '@testing-library/react';
import { CsvExportLink } from '@/app/_components/csv-export-link';

describe('CsvExportLink', () => {
  it('is a plain download link to the export with the filters, plus its hint', () => {
    render(<CsvExportLink href="/tenant/100001.sms/customers/export?q=alpha&sort=name" label="Export as CSV" hint="Every matching customer." />);
    const link = screen.getByRole('link', { name: 'Export as CSV' });
    expect(link).toHaveAttribute('href', '/tenant/100001.sms/customers/export?q=alpha&sort=name');
    expect(link).toHaveAttribute('download');
    expect(screen.getByText('Every matching customer.')).toBeInTheDocument();
  });
});
