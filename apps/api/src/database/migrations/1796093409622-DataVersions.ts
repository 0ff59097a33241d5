import { MigrationInterface, QueryRunner } from "typeorm";

/** Tables holding a programme_id whose rows feed what is computed or shown for that programme (indicators, programme view, reports). */
const DIRECT = [
    'budget', 'funding', 'staff_line', 'capacity_target', 'support_episode', 'referral', 'monthly_activity', 'frozen_activity_input',
    'programme_pilot', 'indicator_requirement', 'funding_note', 'social_life_fund', 'operating_result', 'obligation_rule', 'reconciliation_finding',
];
/** Other tables, with the SQL giving the programmes of the rows of a transition table `r`. */
const CHILDREN: Record<string, string> = {
    programme: 'SELECT r.id FROM r',
    agreement: 'SELECT p.id FROM r JOIN programme p ON p.agreement_id = r.id',
    budget_group: 'SELECT b.programme_id FROM r JOIN budget b ON b.id = r.budget_id',
    budget_line: 'SELECT b.programme_id FROM r JOIN budget b ON b.id = r.budget_id',
    earmark: `SELECT f.programme_id FROM r JOIN funding f ON f.id = r.funding_id
              UNION SELECT b.programme_id FROM r JOIN budget_line l ON l.id = r.budget_line_id JOIN budget b ON b.id = l.budget_id
              UNION SELECT b.programme_id FROM r JOIN budget_group g ON g.id = r.budget_group_id JOIN budget b ON b.id = g.budget_id`,
};
/** Tables the scope of an organisation is derived from (see ScopeService). */
const SCOPE = ['programme', 'programme_pilot', 'funding', 'agreement_signatory', 'agreement'];

export class DataVersions1796093409622 implements MigrationInterface {
    name = 'DataVersions1796093409622'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "programme_data_version" ("programme_id" integer NOT NULL, "version" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_b87b29eb727b6efcbaf17245398" PRIMARY KEY ("programme_id"))`);
        await queryRunner.query(`CREATE TABLE "data_version" ("key" text NOT NULL, "version" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_a19122ad3c0694371cb45acf5fa" PRIMARY KEY ("key"))`);
        await queryRunner.query(`ALTER TABLE "programme_data_version" ADD CONSTRAINT "FK_b87b29eb727b6efcbaf17245398" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // Raise the counter of each programme given (in id order, so that two writers never wait on each other in opposite orders).
        await queryRunner.query(`CREATE FUNCTION sdat_bump_programmes(ids integer[]) RETURNS void LANGUAGE sql AS $$
            INSERT INTO programme_data_version AS v (programme_id, version)
            SELECT DISTINCT x.id, 1 FROM unnest(ids) AS x(id)
             WHERE x.id IS NOT NULL AND EXISTS (SELECT 1 FROM programme p WHERE p.id = x.id)
             ORDER BY x.id
            ON CONFLICT (programme_id) DO UPDATE SET version = v.version + 1
        $$`);
        await queryRunner.query(`CREATE FUNCTION sdat_bump_all_programmes() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM sdat_bump_programmes(ARRAY(SELECT id FROM programme)); RETURN NULL; END $$`);
        await queryRunner.query(`CREATE FUNCTION sdat_bump_scope() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO data_version AS v (key, version) VALUES ('scope', 1) ON CONFLICT (key) DO UPDATE SET version = v.version + 1;
              RETURN NULL;
            END $$`);
        const rowsOf = (table: string) => (table in CHILDREN ? CHILDREN[table] : 'SELECT programme_id FROM r');
        for (const table of [...DIRECT, ...Object.keys(CHILDREN)]) {
            // Transition tables are per event: one function and three triggers per table.
            await queryRunner.query(`CREATE FUNCTION sdat_bump_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'INSERT' THEN
                    PERFORM sdat_bump_programmes(ARRAY(WITH r AS (SELECT * FROM new_rows) ${rowsOf(table)}));
                  ELSIF TG_OP = 'UPDATE' THEN
                    PERFORM sdat_bump_programmes(ARRAY(WITH r AS (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) ${rowsOf(table)}));
                  ELSE
                    PERFORM sdat_bump_programmes(ARRAY(WITH r AS (SELECT * FROM old_rows) ${rowsOf(table)}));
                  END IF;
                  RETURN NULL;
                END $$`);
            await queryRunner.query(`CREATE TRIGGER "TRG_${table}_version_ins" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sdat_bump_${table}()`);
            await queryRunner.query(`CREATE TRIGGER "TRG_${table}_version_upd" AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sdat_bump_${table}()`);
            await queryRunner.query(`CREATE TRIGGER "TRG_${table}_version_del" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sdat_bump_${table}()`);
            await queryRunner.query(`CREATE TRIGGER "TRG_${table}_version_trunc" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION sdat_bump_all_programmes()`);
        }
        // Funder names are shown in the funding indicator.
        await queryRunner.query(`CREATE TRIGGER "TRG_organisation_version_upd" AFTER UPDATE ON "organisation" FOR EACH STATEMENT EXECUTE FUNCTION sdat_bump_all_programmes()`);
        for (const table of SCOPE) {
            await queryRunner.query(`CREATE TRIGGER "TRG_${table}_scope" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION sdat_bump_scope()`);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of SCOPE) await queryRunner.query(`DROP TRIGGER "TRG_${table}_scope" ON "${table}"`);
        await queryRunner.query(`DROP TRIGGER "TRG_organisation_version_upd" ON "organisation"`);
        for (const table of [...DIRECT, ...Object.keys(CHILDREN)]) {
            for (const suffix of ['ins', 'upd', 'del', 'trunc']) await queryRunner.query(`DROP TRIGGER "TRG_${table}_version_${suffix}" ON "${table}"`);
            await queryRunner.query(`DROP FUNCTION sdat_bump_${table}()`);
        }
        await queryRunner.query(`DROP FUNCTION sdat_bump_scope()`);
        await queryRunner.query(`DROP FUNCTION sdat_bump_all_programmes()`);
        await queryRunner.query(`DROP FUNCTION sdat_bump_programmes(integer[])`);
        await queryRunner.query(`ALTER TABLE "programme_data_version" DROP CONSTRAINT "FK_b87b29eb727b6efcbaf17245398"`);
        await queryRunner.query(`DROP TABLE "data_version"`);
        await queryRunner.query(`DROP TABLE "programme_data_version"`);
    }

}
