import type { Role, UserView } from '@sdat/api-types';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiUrl } from './api-fetch';

/** One row of `GET /api/admin/audit` (newest first; `before=<id>` pages on). */
export type { AuditEntryView } from '@sdat/api-types';
import type { AuditEntryView } from '@sdat/api-types';

export interface OrganisationOption {
  code: string;
  name: string;
  kinds: string[];
}

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  organisationCode: string;
  password: string;
}

/** `PATCH /api/admin/users/:id`: `version` is the one read (409 when the account changed since). */
export interface UserChange {
  version: number;
  displayName?: string;
  role?: Role;
  organisationCode?: string;
  disabled?: boolean;
  password?: string;
}

/** Rows per page of the audit log. */
export const AUDIT_PAGE_SIZE = 50;

/** React Query keys of the administration (accounts, organisations, audit log). */
export const adminKeys = {
  all: ['admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  organisations: () => [...adminKeys.all, 'organisations'] as const,
  audit: (pageSize: number) => [...adminKeys.all, 'audit', pageSize] as const,
};

export function fetchUsers(signal?: AbortSignal): Promise<UserView[]> {
  return apiFetch<UserView[]>(apiUrl('admin/users'), { signal });
}

export function fetchOrganisations(signal?: AbortSignal): Promise<OrganisationOption[]> {
  return apiFetch<OrganisationOption[]>(apiUrl('admin/organisations'), { signal });
}

/** Newest first; `before`: the id of the last row already shown. */
export function fetchAudit(limit: number, before?: string, signal?: AbortSignal): Promise<AuditEntryView[]> {
  return apiFetch<AuditEntryView[]>(apiUrl('admin/audit', { limit, before }), { signal });
}

export function createUser(user: NewUser): Promise<UserView> {
  return apiFetch<UserView>(apiUrl('admin/users'), { method: 'POST', json: user });
}

export function updateUser(id: number, change: UserChange): Promise<UserView> {
  return apiFetch<UserView>(apiUrl(`admin/users/${encodeURIComponent(String(id))}`), { method: 'PATCH', json: change });
}

export function useUsers() {
  return useQuery({ queryKey: adminKeys.users(), queryFn: ({ signal }) => fetchUsers(signal), staleTime: 0 });
}

export function useOrganisations() {
  return useQuery({ queryKey: adminKeys.organisations(), queryFn: ({ signal }) => fetchOrganisations(signal) });
}

export function useAuditLog(pageSize: number = AUDIT_PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: adminKeys.audit(pageSize),
    queryFn: ({ pageParam, signal }) => fetchAudit(pageSize, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    // A short page is the last one.
    getNextPageParam: (lastPage) => (lastPage.length < pageSize ? undefined : lastPage[lastPage.length - 1]?.id),
    staleTime: 0,
  });
}

/** Every write changes the accounts and appends to the audit log: both are read again. */
function useAdminWrite<TVariables>(write: (variables: TVariables) => Promise<UserView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}

export function useCreateUser() {
  return useAdminWrite((user: NewUser) => createUser(user));
}

export function useUpdateUser() {
  return useAdminWrite(({ id, change }: { id: number; change: UserChange }) => updateUser(id, change));
}
