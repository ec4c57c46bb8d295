-- A migration no database has: OperatorCommandContextIntegrationTests use it as one the gateway carries beyond the schema.
SELECT 1;
