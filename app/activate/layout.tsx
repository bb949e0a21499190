// The messages this part's client components look up (PortalMessagesProvider, PORTAL_MESSAGES);
// the root layout sends the sign-in pages' own (issue 11).
export { default } from '@/app/_components/portal-messages-provider';
