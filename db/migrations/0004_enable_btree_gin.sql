-- Lets one GIN index answer "customers of this reseller" and "search text contains" together.
CREATE EXTENSION IF NOT EXISTS btree_gin;
