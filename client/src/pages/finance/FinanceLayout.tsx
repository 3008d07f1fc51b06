import type { Me } from '@herorientatie/domain';
import { SectionLayout } from '../../components/SectionLayout.tsx';
import { FINANCE_ITEMS } from '../../navigation.ts';

/** Costs and budget (Kosten en budget): its sub-pages with a navigation of their own. */
export default function FinanceLayout({ me }: { me: Me }) {
  return (
    <SectionLayout
      me={me}
      label="Kosten en budget"
      permission="finance:manage"
      items={FINANCE_ITEMS}
    />
  );
}
