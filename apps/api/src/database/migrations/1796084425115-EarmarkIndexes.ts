import { MigrationInterface, QueryRunner } from "typeorm";

/** Earmarks are read by parent ids (funding, budget line) and cascade-deleted with them: index the three parent columns (see docs/performance.md). */
export class EarmarkIndexes1796084425115 implements MigrationInterface {
    name = 'EarmarkIndexes1796084425115'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "IDX_fd28c03a97ece34cb8b114238a" ON "earmark"  ("budget_line_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_16059e270134dca26b138811bc" ON "earmark"  ("budget_group_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_500e455cc40ff09073c4cbe82d" ON "earmark"  ("funding_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_500e455cc40ff09073c4cbe82d"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_16059e270134dca26b138811bc"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_fd28c03a97ece34cb8b114238a"`);
    }

}
