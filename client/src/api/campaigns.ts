import {
  BudgetChangeInputSchema,
  CampaignDetailSchema,
  CampaignInputSchema,
  CampaignUpdateSchema,
  ChannelInputSchema,
  ExpenditureInputSchema,
  ReachInputSchema,
  type CampaignAttribution,
  type CampaignDetail,
  type CampaignSummary,
} from '@herorientatie/domain';
import type { z } from 'zod';
import { createMutation, createQueryHook } from './hooks.ts';
import { STALE_AFTER } from './invalidation.ts';

export const useCampaigns = createQueryHook<CampaignSummary[]>('campaigns', () => 'campaigns');
export const useCampaign = createQueryHook<CampaignDetail, [string]>(
  'campaigns',
  (id) => `campaigns/${id}`,
);

/** The printable QR code of a channel's sign-up link (SVG). */
export const qrCodeUrl = (campaignId: string, channelId: string) =>
  `/api/v1/campaigns/${campaignId}/channels/${channelId}/qr-code`;

type OfCampaign = { campaignId: string };
const campaignChange = <In extends z.ZodType>(
  path: (params: OfCampaign) => string,
  input: In,
  method: 'POST' | 'PUT' = 'POST',
  idempotent = false,
) =>
  createMutation({
    method,
    path,
    input,
    output: CampaignDetailSchema,
    invalidates: STALE_AFTER.campaignChange,
    idempotent,
  });

export const useCreateCampaign = createMutation({
  method: 'POST',
  path: ({ level }: { level: 'regional' | 'local' }) => `campaigns?level=${level}`,
  input: CampaignInputSchema,
  output: CampaignDetailSchema,
  invalidates: STALE_AFTER.campaignChange,
  idempotent: true,
});
export const useUpdateCampaign = campaignChange(
  ({ campaignId }) => `campaigns/${campaignId}`,
  CampaignUpdateSchema,
  'PUT',
);
export const useChangeBudget = campaignChange(
  ({ campaignId }) => `campaigns/${campaignId}/budget-changes`,
  BudgetChangeInputSchema,
);
export const useAddChannel = campaignChange(
  ({ campaignId }) => `campaigns/${campaignId}/channels`,
  ChannelInputSchema,
  'POST',
  true,
);
export const useAddExpenditure = campaignChange(
  ({ campaignId }) => `campaigns/${campaignId}/expenditures`,
  ExpenditureInputSchema,
  'POST',
  true,
);
export const useAddReach = campaignChange(
  ({ campaignId }) => `campaigns/${campaignId}/reach`,
  ReachInputSchema,
);

export const useAttribution = createQueryHook<CampaignAttribution, [string]>(
  'campaigns',
  (id) => `campaigns/${id}/attribution`,
);
