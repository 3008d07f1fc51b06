import {
  SignUpAnswerSchema,
  SignUpSchema,
  type MunicipalityFace,
  type PostcodeLookup,
  type PrivacyStatement,
  type PublicRegion,
} from '@herorientatie/domain';
import { useQuery } from '@tanstack/react-query';
import { apiFetch, type ApiError } from './client.ts';
import { createMutation } from './hooks.ts';
import { STALE_AFTER } from './invalidation.ts';

/** The four digits of a Dutch postcode as typed ("6602 bk" → "6602"), or null. */
export function postcodeArea(postcode: string): string | null {
  const match = /^\s*([1-9]\d{3})(?:\s*[a-zA-Z]{0,2})?\s*$/.exec(postcode);
  return match ? match[1]! : null;
}

/** Which municipality a postcode area belongs to; asked once the four digits are typed. */
export function usePostcodeLookup(area: string | null) {
  return useQuery<PostcodeLookup, ApiError>({
    queryKey: ['public-postcode', area],
    queryFn: () => apiFetch<PostcodeLookup>(`public/postcodes/${area}`),
    enabled: area !== null,
    staleTime: 60 * 60_000,
  });
}

/** The public sign-up: no login, no CSRF token, the same answer for everyone. */
export const useSignUp = createMutation({
  method: 'POST',
  path: () => 'public/sign-ups',
  input: SignUpSchema,
  output: SignUpAnswerSchema,
  invalidates: STALE_AFTER.nothing,
});

/** The regions this front door serves; the header names them. */
export function usePublicRegions() {
  return useQuery<PublicRegion[], ApiError>({
    queryKey: ['public-regions'],
    queryFn: () => apiFetch<PublicRegion[]>('public/regions'),
    staleTime: 60 * 60_000,
  });
}

/** Name, logo and contact details of a municipality, once the postcode tells which. */
export function useMunicipalityFace(code: string | null) {
  return useQuery<MunicipalityFace, ApiError>({
    queryKey: ['public-municipality', code],
    queryFn: () => apiFetch<MunicipalityFace>(`public/municipalities/${code}`),
    enabled: code !== null,
    staleTime: 60 * 60_000,
  });
}

/** The privacy statement of one municipality. */
export function usePrivacyStatement(code: string | null) {
  return useQuery<PrivacyStatement, ApiError>({
    queryKey: ['public-privacy', code],
    queryFn: () => apiFetch<PrivacyStatement>(`public/municipalities/${code}/privacy-statement`),
    enabled: code !== null,
    staleTime: 60 * 60_000,
  });
}
