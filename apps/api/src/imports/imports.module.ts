import { Module } from '@nestjs/common';
import { ImportsController } from './imports.controller';
import { EditsService } from './edits.service';
import { ImportsService } from './imports.service';

/** Templates, validated imports, history and exports of the operators' yearly data. */
@Module({ controllers: [ImportsController], providers: [ImportsService, EditsService], exports: [ImportsService] })
export class ImportsModule {}
