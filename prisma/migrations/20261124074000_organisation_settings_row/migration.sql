-- The one settings row always exists, so writes that depend on the settings can lock it.
INSERT INTO "organisation_settings" ("id", "updated_at") VALUES (1, CURRENT_TIMESTAMP) ON CONFLICT ("id") DO NOTHING;
