import type { Metadata } from "next";
import Link from "next/link";
import { getNow, getTranslations } from "next-intl/server";
import { LogOutOtherSessionsForm } from "@/app/_components/log-out-other-sessions-form";
import { RegenerateRecoveryCodesForm } from "@/app/_components/regenerate-recovery-codes-form";
import { requireSession } from "@/app/_server/request-context";
import { logOutOtherSessions, regenerateCodes } from "@/app/security/actions";
import { SessionHeader } from "@/app/customer-selection/_components/session-header";
import { mayUseLocalPassword } from "@/lib/reseller-portal-settings";
import { listUserSessions, type UserSessionSummary } from "@/lib/sessions/list-user-sessions";
import { countRemainingRecoveryCodes } from "@/lib/two-factor/recovery-codes";
import { DataTable, type DataTableColumn } from "@/app/_components/data-table/data-table";
import { MainContent } from '@/app/_components/main-content';
import { SessionDevice, SessionTime } from "@/app/security/_components/session-device";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("securityPage.title")} · ${t("app.name")}` };
}

/** The signed-in person's own security: two-factor status, recovery codes, sessions. */
export default async function SecurityPage() {
  const session = await requireSession();
  const [t, now, sessionList, remaining] = await Promise.all([
    getTranslations("securityPage"),
    getNow(),
    listUserSessions({
      userId: session.user.id,
      currentSessionId: session.sessionId,
    }),
    countRemainingRecoveryCodes(session.user.id),
  ]);
  // RSP-linked accounts that sign in through the Reseller Portal have their second factor there (issue 15).
  const isManagedInResellerPortal = !mayUseLocalPassword(session.user);
  // Live sessions of one person: a handful, bounded by their lifetime, so no pager.
  const columns: DataTableColumn<UserSessionSummary>[] = [
    {
      id: "created",
      header: t("sessions.created"),
      isRowHeader: true,
      cell: (entry) => (
        <>
          <SessionTime date={entry.createdAt} now={now} />{" "}
          {entry.isCurrent ? <span className="badge">{t("sessions.current")}</span> : null}
        </>
      ),
    },
    { id: "lastSeen", header: t("sessions.lastSeen"), cell: (entry) => <SessionTime date={entry.lastSeenAt} now={now} /> },
    { id: "ip", header: t("sessions.ip"), cell: (entry) => entry.ipAddress ?? "–" },
    { id: "userAgent", header: t("sessions.userAgent"), cell: (entry) => <SessionDevice userAgent={entry.userAgent} /> },
  ];
  return (
    <>
      <SessionHeader signedIn={session} returnTo="/security" />
      <MainContent className="page">
        <p>
          <Link href={`/tenant/${session.tenant.tenantDomain}`}>
            {t("back")}
          </Link>
        </p>
        <h1>{t("title")}</h1>

        <section aria-labelledby="security-two-factor">
          <h2 id="security-two-factor">{t("twoFactor.heading")}</h2>
          <p>
            {isManagedInResellerPortal
              ? t("twoFactor.resellerPortal")
              : session.user.hasTwoFactor
                ? t("twoFactor.active", { count: remaining })
                : t("twoFactor.inactive")}
          </p>
          {session.user.hasTwoFactor && !isManagedInResellerPortal ? (
            <>
              <h3>{t("regenerate.heading")}</h3>
              <p>{t("regenerate.intro")}</p>
              <RegenerateRecoveryCodesForm action={regenerateCodes} />
            </>
          ) : null}
        </section>

        <section aria-labelledby="security-sessions">
          <h2 id="security-sessions">{t("sessions.heading")}</h2>
          <DataTable
            caption={t("sessions.heading")}
            columns={columns}
            rows={sessionList}
            rowKey={(entry) => entry.id}
            rowAttributes={(entry): { "aria-current"?: "true" } => (entry.isCurrent ? { "aria-current": "true" } : {})}
            emptyMessage={t("sessions.heading")}
            path="/security"
          />
          <LogOutOtherSessionsForm action={logOutOtherSessions} />
        </section>
      </MainContent>
    </>
  );
}
