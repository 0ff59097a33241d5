import { gunzipSync, gzipSync } from "node:zlib";
import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * import_version keeps each version's normalised rows as gzip-compressed JSON (bytea) instead of
 * jsonb: a 100,000-episode version was ≈ 30 MB of jsonb to send, parse and TOAST inside the import's
 * transaction, ≈ 4 MB compressed (see docs/performance.md § 5). Null = rows removed by the retention
 * purge (was `'[]'`). Existing versions are converted one by one, in this migration's transaction.
 */
export class ImportRowsGzip1796094042599 implements MigrationInterface {
    name = 'ImportRowsGzip1796094042599'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "import_version" ADD "rows_gzip" bytea`);
        const versions: { id: number }[] = await queryRunner.query(`SELECT id FROM "import_version" WHERE jsonb_array_length("rows") > 0 ORDER BY id`);
        for (const { id } of versions) {
            const [{ json }] = await queryRunner.query(`SELECT "rows"::text AS json FROM "import_version" WHERE id = $1`, [id]);
            await queryRunner.query(`UPDATE "import_version" SET "rows_gzip" = $2 WHERE id = $1`, [id, gzipSync(JSON.stringify(JSON.parse(json)))]);
        }
        await queryRunner.query(`ALTER TABLE "import_version" DROP COLUMN "rows"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "import_version" ADD "rows" jsonb NOT NULL DEFAULT '[]'`);
        const versions: { id: number }[] = await queryRunner.query(`SELECT id FROM "import_version" WHERE "rows_gzip" IS NOT NULL ORDER BY id`);
        for (const { id } of versions) {
            const [{ gz }] = await queryRunner.query(`SELECT "rows_gzip" AS gz FROM "import_version" WHERE id = $1`, [id]);
            await queryRunner.query(`UPDATE "import_version" SET "rows" = $2::jsonb WHERE id = $1`, [id, gunzipSync(gz).toString("utf8")]);
        }
        await queryRunner.query(`ALTER TABLE "import_version" ALTER COLUMN "rows" DROP DEFAULT`);
        await queryRunner.query(`ALTER TABLE "import_version" DROP COLUMN "rows_gzip"`);
    }

}
