// Integration specs never read the developer's own DATABASE_URL: they use the one global-setup chose.
process.env['LOG_LEVEL'] = process.env['TEST_LOG_LEVEL'] ?? 'silent';
