/**
 * An email address that may wrap after its @: in a table with several columns the address then
 * takes the width of its longer half instead of pushing the actions out of view.
 */
export function EmailAddress({ address }: { address: string }) {
  const at = address.lastIndexOf('@');
  if (at <= 0) return <>{address}</>;
  return (
    <>
      {address.slice(0, at + 1)}
      <wbr />
      {address.slice(at + 1)}
    </>
  );
}
