ALTER TABLE "account_tokens" ADD COLUMN "pending_password_hash" text;--> statement-breakpoint
ALTER TABLE "account_tokens" ADD COLUMN "second_factor_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "account_tokens" ADD COLUMN "second_factor_method" text;