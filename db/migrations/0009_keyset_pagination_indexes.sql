CREATE INDEX "licenses_reseller_valid_until_id_idx" ON "licenses" USING btree ("reseller_tenant_id","valid_until","id");--> statement-breakpoint
CREATE INDEX "users_tenant_created_id_idx" ON "users" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "users_tenant_role_username_id_idx" ON "users" USING btree ("tenant_id","role",lower("username"),"id");--> statement-breakpoint
CREATE INDEX "configuration_profiles_tenant_name_id_idx" ON "configuration_profiles" USING btree ("tenant_id",lower("name"),"id");