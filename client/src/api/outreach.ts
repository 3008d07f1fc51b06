import {
  CaseDetailSchema,
  EmailsQueuedSchema,
  WaveContactSchema,
  WaveInputSchema,
  WaveResponseInputSchema,
  WaveSchema,
  type ImportHistoryEntry,
  type OutreachImportReport,
  type ResponseRates,
  type Wave,
  type WaveContact,
} from '@herorientatie/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiUpload, type ApiError, type UploadProgress } from './client.ts';
import { createMutation, createQueryHook } from './hooks.ts';
import { STALE_AFTER } from './invalidation.ts';

export const useImportHistory = createQueryHook<ImportHistoryEntry[]>(
  'outreach-imports',
  () => 'outreach/imports',
);

/** A dry run (`preview`) or the import itself in one of the two modes. */
export type ImportStep = 'preview' | 'all-or-nothing' | 'valid-rows';

export interface ImportUpload {
  step: ImportStep;
  file: File;
  onProgress: (progress: UploadProgress) => void;
}

/** Uploads a CSV for the dry run or the import, with upload progress for large files. */
export function useImportUpload() {
  const client = useQueryClient();
  return useMutation<OutreachImportReport, ApiError, ImportUpload>({
    mutationFn: ({ step, file, onProgress }) =>
      apiUpload<OutreachImportReport>(
        step === 'preview' ? 'outreach/imports/preview' : `outreach/imports?mode=${step}`,
        file,
        onProgress,
      ),
    onSuccess: (_report, { step }) =>
      step === 'preview'
        ? undefined
        : Promise.all(
            STALE_AFTER.outreachImport().map((queryKey) => client.invalidateQueries({ queryKey })),
          ).then(() => undefined),
  });
}

export const useWaves = createQueryHook<Wave[]>('outreach', () => 'outreach/waves');
export const useWaveContacts = createQueryHook<WaveContact[], [string]>(
  'outreach',
  (id) => `outreach/waves/${id}/contacts`,
);
export const useResponseRates = createQueryHook<ResponseRates>(
  'outreach',
  () => 'outreach/response-rates',
);

/** The mail-merge files of a wave; the browser downloads them with the session cookie. */
export const lettersUrl = (waveId: string, format: 'pdf' | 'csv') =>
  `/api/v1/outreach/waves/${waveId}/letters.${format}`;

export const useCreateWave = createMutation({
  method: 'POST',
  path: () => 'outreach/waves',
  input: WaveInputSchema,
  output: WaveSchema,
  invalidates: STALE_AFTER.outreachChange,
  idempotent: true,
});

/** A follow-up takes its recipients from the earlier wave, so it has no criteria. */
export const FollowUpInputSchema = WaveInputSchema.omit({ criteria: true });
export const useFollowUpWave = createMutation({
  method: 'POST',
  path: ({ waveId }: { waveId: string }) => `outreach/waves/${waveId}/follow-up`,
  input: FollowUpInputSchema,
  output: WaveSchema,
  invalidates: STALE_AFTER.outreachChange,
  idempotent: true,
});

export const useRecordResponse = createMutation({
  method: 'PUT',
  path: ({ waveId, contactId }: { waveId: string; contactId: string }) =>
    `outreach/waves/${waveId}/contacts/${contactId}`,
  input: WaveResponseInputSchema,
  output: WaveContactSchema,
  invalidates: STALE_AFTER.outreachChange,
});

export const useRegisterContact = createMutation({
  method: 'POST',
  path: ({ waveId, contactId }: { waveId: string; contactId: string }) =>
    `outreach/waves/${waveId}/contacts/${contactId}/case`,
  input: z.undefined(),
  output: CaseDetailSchema,
  invalidates: STALE_AFTER.outreachRegistration,
});

export const useSendWaveEmails = createMutation({
  method: 'POST',
  path: ({ waveId }: { waveId: string }) => `outreach/waves/${waveId}/emails`,
  input: z.undefined(),
  output: EmailsQueuedSchema,
  invalidates: STALE_AFTER.outreachChange,
});
