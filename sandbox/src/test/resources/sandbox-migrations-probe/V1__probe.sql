-- A sandbox migration as a test puts one in its own location (SandboxMigrationsIntegrationTests).
CREATE TABLE sandbox_migration_probe (note text);
