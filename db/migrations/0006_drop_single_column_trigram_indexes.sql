DROP INDEX "tenants_name_trgm_idx";--> statement-breakpoint
DROP INDEX "tenants_tenant_domain_trgm_idx";