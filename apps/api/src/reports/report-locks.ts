import { ConflictException } from '@nestjs/common';
import type { ConflictReason } from '@sdat/api-types';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * A programme-year whose annual report is validated is locked: its data cannot change until the
 * pilot reopens the report. Every write path calls this inside its transaction.
 */
export async function assertYearUnlocked(manager: EntityManager | DataSource, programmeId: number, year: number): Promise<void> {
  const [row] = await manager.query(`SELECT 1 FROM annual_report WHERE programme_id = $1 AND year = $2 AND status = 'validated'`, [programmeId, year]);
  if (row) {
    throw new ConflictException({
      message: `Les données ${year} de ce dispositif sont verrouillées : le bilan ${year} est validé. Le pilote doit le rouvrir avant toute modification.`,
      reason: 'year_locked' satisfies ConflictReason,
    });
  }
}
