// The whole message catalogue for this part of the portal (the root layout sends the sign-in
// pages' namespaces only; issue 11).
export { default } from '@/app/_components/portal-messages-provider';
