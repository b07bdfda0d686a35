// The leads a campaign brought: leads' own list filtered by the campaign (leads decides who sees which lead), with
// their status, owner and score. A checked-in attendee's lead shows here as soon as the check-in made it.
import { useLeadList } from '../../api/leads';
import { LoadMore } from '../../components/LoadMore';
import { LeadTable } from '../leads/LeadTable';

export function LeadsTab({ campaignId }: { campaignId: string }) {
  const list = useLeadList({ campaignId });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div data-testid="campaign-leads">
      <LeadTable rows={rows} loading={list.isLoading} />
      <div style={{ marginTop: 12 }}>
        <LoadMore count={rows.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
      </div>
    </div>
  );
}
