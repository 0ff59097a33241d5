import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuditService } from './audit.service';
import { AuditQuery, CreateUserDto, UpdateUserDto } from './auth.dto';
import { CurrentUser } from './current-user.decorator';
import { Policy } from './policy';
import type { Principal } from './principal';
import { UsersService } from './users.service';

const ADMIN = { roles: ['admin'] as const };

@ApiTags('administration')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  @Get('users')
  @Policy(ADMIN)
  @ApiOperation({ summary: 'Les comptes (sans empreinte de mot de passe)' })
  listUsers() {
    return this.users.list();
  }

  @Post('users')
  @Policy(ADMIN)
  @ApiOperation({ summary: 'Créer un compte local (mot de passe haché en argon2id)' })
  createUser(@Body() body: CreateUserDto, @CurrentUser() actor: Principal, @Req() request: Request) {
    return this.users.create(body, actor, request);
  }

  @Patch('users/:id')
  @Policy(ADMIN)
  @ApiOperation({ summary: 'Modifier un compte (rôle, organisation, désactivation, mot de passe) ; verrouillage optimiste' })
  updateUser(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateUserDto, @CurrentUser() actor: Principal, @Req() request: Request) {
    return this.users.update(id, body, actor, request);
  }

  @Get('organisations')
  @Policy(ADMIN)
  @ApiOperation({ summary: 'Les organisations (pour rattacher un compte)' })
  organisations() {
    return this.users.organisations();
  }

  @Get('audit')
  @Policy(ADMIN)
  @ApiOperation({ summary: "Journal d'audit, du plus récent au plus ancien" })
  auditLog(@Query() q: AuditQuery) {
    return this.audit.list(q.limit ?? 100, q.before);
  }
}
