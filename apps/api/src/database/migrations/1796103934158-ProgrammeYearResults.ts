import { MigrationInterface, QueryRunner } from "typeorm";

export class ProgrammeYearResults1796103934158 implements MigrationInterface {
    name = 'ProgrammeYearResults1796103934158'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "programme_year_result" ("programme_id" integer NOT NULL, "year" integer NOT NULL, "basis" text NOT NULL, "data_version" bigint NOT NULL, "engine" text NOT NULL, "threshold" integer NOT NULL, "demo" boolean NOT NULL, "indicators" text NOT NULL, "figures" text NOT NULL, "figures_masked" text NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4b1ab1436cba58efd0083e99005" PRIMARY KEY ("programme_id", "year", "basis"))`);
        await queryRunner.query(`ALTER TABLE "programme_year_result" ADD CONSTRAINT "FK_1cce65e0fc0ab057b313a619283" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "programme_year_result" DROP CONSTRAINT "FK_1cce65e0fc0ab057b313a619283"`);
        await queryRunner.query(`DROP TABLE "programme_year_result"`);
    }

}
