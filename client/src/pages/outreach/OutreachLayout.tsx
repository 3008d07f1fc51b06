import type { Me } from '@herorientatie/domain';
import { SectionLayout } from '../../components/SectionLayout.tsx';
import { OUTREACH_ITEMS } from '../../navigation.ts';

/** Outreach (Benadering): its sub-pages with a navigation of their own. */
export function OutreachLayout({ me }: { me: Me }) {
  return (
    <SectionLayout me={me} label="Benadering" permission="outreach:read" items={OUTREACH_ITEMS} />
  );
}
