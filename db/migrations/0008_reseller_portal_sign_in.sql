CREATE TYPE "public"."sign_in_method" AS ENUM('password', 'reseller_portal');--> statement-breakpoint
CREATE TABLE "reseller_portal_links" (
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"user_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	CONSTRAINT "reseller_portal_links_pkey" PRIMARY KEY("issuer","subject")
);
--> statement-breakpoint
ALTER TABLE "pending_logins" ADD COLUMN "method" "sign_in_method" DEFAULT 'password' NOT NULL;--> statement-breakpoint
ALTER TABLE "reseller_portal_links" ADD CONSTRAINT "reseller_portal_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reseller_portal_links" ADD CONSTRAINT "reseller_portal_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reseller_portal_links_issuer_user_unique" ON "reseller_portal_links" USING btree ("issuer","user_id");--> statement-breakpoint
CREATE INDEX "reseller_portal_links_user_id_idx" ON "reseller_portal_links" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "reseller_portal_links_tenant_id_idx" ON "reseller_portal_links" USING btree ("tenant_id");