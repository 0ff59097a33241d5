import { Module } from '@nestjs/common';
import { ImportsController } from './imports.controller';
import { EditsService } from './edits.service';
import { ImportsService } from './imports.service';
import { RowsService } from './rows.service';

/** Templates, validated imports, history, exports and one-row corrections of the operators' yearly data. */
@Module({ controllers: [ImportsController], providers: [ImportsService, EditsService, RowsService], exports: [ImportsService] })
export class ImportsModule {}
