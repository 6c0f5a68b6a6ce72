import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, Identifier } from 'react-admin';
import type { Action, AttachmentKind, Finding } from '@alliance/domain';
import { API_BASE, httpClient } from './http';
import { toPayload } from './payload';

/** One entry of GET /api/<applications>/:id/transitions (oldest first). */
export interface TransitionRecord {
  id: Identifier;
  action: Action;
  from: string;
  to: string;
  actorId: number | null;
  actorRole: string | null;
  actorName?: string | null;
  comment: string | null;
  at: string;
}

export interface AttachmentRecord {
  id: Identifier;
  kind: AttachmentKind;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface StatsPayload {
  byState: { kind: string; state: string; count: number }[];
  bySchoolType: { schoolType: string; count: number }[];
  byDepartmentCategory: { category: string; count: number }[];
  byProvince: { province: string | null; count: number }[];
  waitingForMe: unknown;
}

export interface BulkResult {
  succeeded: Identifier[];
  failed: { id: Identifier; error: unknown }[];
}

export interface EmailPreview {
  subject: string;
  html: string;
  text: string;
}

/** The API's own calls beyond ra-data-simple-rest's CRUD. */
export interface AllianceDataProvider extends DataProvider {
  transition(resource: string, id: Identifier, action: Action, comment?: string): Promise<{ data: Record<string, unknown> }>;
  transitionMany(resource: string, ids: Identifier[], action: Action, comment?: string): Promise<BulkResult>;
  getTransitions(resource: string, id: Identifier): Promise<{ data: TransitionRecord[] }>;
  quotaException(resource: string, id: Identifier, reason: string): Promise<{ data: Record<string, unknown> }>;
  uploadAttachment(resource: string, id: Identifier, kind: AttachmentKind, file: File): Promise<{ data: AttachmentRecord }>;
  invitationAction(id: Identifier, action: 'resend' | 'revoke'): Promise<{ data: Record<string, unknown> }>;
  resendEmail(id: Identifier): Promise<{ data: Record<string, unknown> }>;
  emailPreview(id: Identifier): Promise<{ data: EmailPreview }>;
  getStats(): Promise<{ data: StatsPayload }>;
  /** A single-use address of the queue dashboard (bull-board), for a new window. */
  queueDashboardUrl(): Promise<string>;
}

const enc = encodeURIComponent;

export function createDataProvider(http: typeof httpClient = httpClient, base = API_BASE): AllianceDataProvider {
  const rest = simpleRestProvider(base, http);
  const post = (path: string, body?: unknown) =>
    http(`${base}/${path}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });

  const transition: AllianceDataProvider['transition'] = (resource, id, action, comment) =>
    post(`${resource}/${enc(String(id))}/transitions`, comment?.trim() ? { action, comment: comment.trim() } : { action })
      .then(({ json }) => ({ data: json }));

  return {
    ...rest,
    create: (resource, params) => rest.create(resource, { ...params, data: toPayload(resource, params.data, 'create') }),
    update: (resource, params) => rest.update(resource, { ...params, data: toPayload(resource, params.data, 'update') }),
    transition,
    // One request per application, one after the other: each is its own transaction and mail.
    async transitionMany(resource, ids, action, comment) {
      const result: BulkResult = { succeeded: [], failed: [] };
      for (const id of ids) {
        try {
          await transition(resource, id, action, comment);
          result.succeeded.push(id);
        } catch (error) {
          result.failed.push({ id, error });
        }
      }
      return result;
    },
    getTransitions: (resource, id) =>
      http(`${base}/${resource}/${enc(String(id))}/transitions`).then(({ json }) => ({ data: (json ?? []) as TransitionRecord[] })),
    quotaException: (resource, id, reason) =>
      post(`${resource}/${enc(String(id))}/quota-exception`, { reason }).then(({ json }) => ({ data: json })),
    uploadAttachment(resource, id, kind, file) {
      const body = new FormData();
      body.append('file', file, file.name);
      return http(`${base}/${resource}/${enc(String(id))}/attachments?kind=${enc(kind)}`, { method: 'POST', body })
        .then(({ json }) => ({ data: json as AttachmentRecord }));
    },
    invitationAction: (id, action) => post(`invitations/${enc(String(id))}/${action}`).then(({ json }) => ({ data: json ?? {} })),
    resendEmail: (id) => post(`emails/${enc(String(id))}/resend`).then(({ json }) => ({ data: json ?? {} })),
    emailPreview: (id) => http(`${base}/emails/${enc(String(id))}/preview`).then(({ json }) => ({ data: json as EmailPreview })),
    getStats: () => http(`${base}/stats`).then(({ json }) => ({ data: json as StatsPayload })),
    queueDashboardUrl: () => post('queues/session').then(({ json }) => (json as { url: string }).url),
  };
}

export const dataProvider = createDataProvider();

/** The findings of a 422 answer (a submit blocked by a rule), if the error is one. */
export function blockingFindings(error: unknown): Finding[] {
  if (!error || typeof error !== 'object') return [];
  const { status, body } = error as { status?: number; body?: { details?: unknown } };
  if (status !== 422 || !Array.isArray(body?.details)) return [];
  return body.details.filter((d): d is Finding => !!d && typeof d === 'object' && 'message' in d);
}
