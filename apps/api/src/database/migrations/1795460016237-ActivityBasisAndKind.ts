import { MigrationInterface, QueryRunner } from "typeorm";

export class ActivityBasisAndKind1795460016237 implements MigrationInterface {
    name = 'ActivityBasisAndKind1795460016237'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_56d409966ba25a4608e1b2b96b"`);
        await queryRunner.query(`ALTER TABLE "social_life_fund" DROP CONSTRAINT "UQ_2e96b618fa258573e55e8ade828"`);
        await queryRunner.query(`ALTER TABLE "funding" ADD "basis" text NOT NULL DEFAULT 'forecast'`);
        await queryRunner.query(`ALTER TABLE "social_life_fund" ADD "basis" text NOT NULL DEFAULT 'forecast'`);
        await queryRunner.query(`ALTER TABLE "support_episode" ADD "kind" text NOT NULL DEFAULT 'follow_up'`);
        await queryRunner.query(`CREATE INDEX "IDX_9ef0f4f8be55f09e967dbd8178" ON "funding"  ("programme_id", "year", "basis") `);
        await queryRunner.query(`ALTER TABLE "social_life_fund" ADD CONSTRAINT "UQ_fc902efd87109f87b821563af3d" UNIQUE ("programme_id", "year", "basis")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "social_life_fund" DROP CONSTRAINT "UQ_fc902efd87109f87b821563af3d"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9ef0f4f8be55f09e967dbd8178"`);
        await queryRunner.query(`ALTER TABLE "support_episode" DROP COLUMN "kind"`);
        await queryRunner.query(`ALTER TABLE "social_life_fund" DROP COLUMN "basis"`);
        await queryRunner.query(`ALTER TABLE "funding" DROP COLUMN "basis"`);
        await queryRunner.query(`ALTER TABLE "social_life_fund" ADD CONSTRAINT "UQ_2e96b618fa258573e55e8ade828" UNIQUE ("year", "programme_id")`);
        await queryRunner.query(`CREATE INDEX "IDX_56d409966ba25a4608e1b2b96b" ON "funding" USING btree ("year", "programme_id") `);
    }

}
