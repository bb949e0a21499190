ALTER TYPE "public"."account_token_purpose" ADD VALUE 'report';--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "two_factor_reset_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "user_agent" text;