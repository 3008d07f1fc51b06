import {
  AttachmentRemovalSchema,
  LetterRequestSchema,
  LetterResultSchema,
  LetterTemplateInputSchema,
  LetterTemplateSchema,
  LetterheadInputSchema,
  LetterheadSchema,
  type LetterKind,
  type LetterPreview,
  type LetterTemplate,
  type Letterhead,
  PrivacySettingsInputSchema,
  PrivacySettingsSchema,
  type PrivacySettings,
} from '@herorientatie/domain';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch, type ApiError } from './client.ts';
import { createMutation, createQueryHook } from './hooks.ts';
import { STALE_AFTER } from './invalidation.ts';

export const useLetterTemplates = createQueryHook<LetterTemplate[]>(
  'letter-templates',
  () => 'letter-templates',
);
export const useLetterhead = createQueryHook<Letterhead>('letterhead', () => 'letterhead');

/** The letter with the case's values merged in; asked again when the kind or referral changes. */
export function useLetterPreview(
  caseId: string,
  kind: LetterKind | undefined,
  referralId?: string,
) {
  const needsReferral = kind === 'referral';
  return useQuery<LetterPreview, ApiError>({
    queryKey: ['case', caseId, 'letter-preview', kind, referralId ?? null],
    queryFn: () =>
      apiFetch<LetterPreview>(
        `cases/${caseId}/letter-preview?kind=${kind}${referralId ? `&referralId=${referralId}` : ''}`,
      ),
    enabled: Boolean(kind) && (!needsReferral || Boolean(referralId)),
  });
}

export const useSaveLetterTemplate = createMutation({
  method: 'PUT',
  path: ({ kind }: { kind: LetterKind }) => `letter-templates/${kind}`,
  input: LetterTemplateInputSchema,
  output: LetterTemplateSchema,
  invalidates: () => [['letter-templates'], ['case']],
});
export const useSaveLetterhead = createMutation({
  method: 'PUT',
  path: () => 'letterhead',
  input: LetterheadInputSchema,
  output: LetterheadSchema,
  invalidates: () => [['letterhead'], ['case']],
});
/** The letter as PDF as it would be made, stored nowhere. */
export function letterPreviewPdf(caseId: string, body: unknown): Promise<Blob> {
  return apiFetch<Blob>(`cases/${caseId}/letter-preview.pdf`, {
    method: 'POST',
    body,
    as: 'blob',
  });
}

/** A template as PDF with made-up values, for the administrator. */
export function templatePreviewPdf(body: unknown): Promise<Blob> {
  return apiFetch<Blob>('letter-templates/preview.pdf', { method: 'POST', body, as: 'blob' });
}

/** Opens a PDF from the server in a new tab. */
export async function openPdf(load: () => Promise<Blob>): Promise<void> {
  const url = URL.createObjectURL(await load());
  window.open(url, '_blank', 'noopener');
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const useCreateLetter = createMutation({
  method: 'POST',
  path: ({ caseId }: { caseId: string }) => `cases/${caseId}/letters`,
  input: LetterRequestSchema,
  output: LetterResultSchema,
  invalidates: STALE_AFTER.caseDocument,
  idempotent: true,
});
export const useRemoveDocument = createMutation({
  method: 'POST',
  path: ({ caseId, attachmentId }: { caseId: string; attachmentId: string }) =>
    `cases/${caseId}/attachments/${attachmentId}/removal`,
  input: AttachmentRemovalSchema,
  output: z.unknown(),
  invalidates: STALE_AFTER.caseDocument,
});

/** Puts a logo on the letterhead (PNG or JPEG), or removes it with `null`. */
export async function saveLogo(file: File | null): Promise<Letterhead> {
  if (!file) return apiFetch<Letterhead>('letterhead/logo', { method: 'DELETE' });
  const formData = new FormData();
  formData.append('file', file);
  return apiFetch<Letterhead>('letterhead/logo', { method: 'PUT', formData });
}

export const usePrivacySettings = createQueryHook<PrivacySettings>(
  'privacy-settings',
  () => 'privacy-settings',
);
export const useSavePrivacySettings = createMutation({
  method: 'PUT',
  path: () => 'privacy-settings',
  input: PrivacySettingsInputSchema,
  output: PrivacySettingsSchema,
  invalidates: () => [['privacy-settings']],
});
