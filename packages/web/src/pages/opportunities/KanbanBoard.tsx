// The kanban: one column per open stage with its count and amounts; a card is dragged to another column to move the
// opportunity there. A move the stage's entry requirements refuse (422) leaves the card where it was and says, above
// the board, what is still missing — each requirement by name.
import { Alert, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { useKanban, useMoveStage, type OpportunitySummary, type StageRequirement } from '../../api/opportunities';
import { useFormat } from '../../i18n/format';
import { requirementLabel, requirementOfPath } from './labels';

interface Refusal { name: string; stage: string; missing: StageRequirement[] }

export function KanbanBoard({ process, ownerId }: { process?: string; ownerId?: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const board = useKanban(process, ownerId);
  const [dragged, setDragged] = useState<OpportunitySummary | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const move = useMoveStage({
    onError: (err, vars) => {
      if (isApiError(err) && err.status === 422 && err.code === 'opportunities.stage_requirements') {
        const card = board.data?.columns.flatMap((c) => c.cards).find((c) => c.id === vars.id);
        const stage = board.data?.columns.find((c) => c.stage.id === vars.stageId)?.stage.name ?? '';
        const all = board.data?.columns.flatMap((c) => c.stage.requirements) ?? [];
        setRefusal({ name: card?.name ?? '', stage, missing: err.errors.map((e) => requirementOfPath(e.path, all)) });
        return true;
      }
      return false;
    },
  });

  const drop = (stageId: string) => (e: DragEvent) => {
    e.preventDefault();
    setOver(null);
    if (!dragged || dragged.stage.id === stageId) return;
    setRefusal(null);
    move.mutate({ id: dragged.id, version: dragged.version, stageId });
    setDragged(null);
  };

  if (!board.data) return <Card loading />;
  return (
    <>
      {refusal && (
        <Alert type="warning" showIcon closable onClose={() => setRefusal(null)} style={{ marginBottom: 12 }} data-testid="kanban-refusal"
          message={`${refusal.name} — ${t('opp.missing', { stage: refusal.stage })}`}
          description={<ul style={{ margin: 0 }}>{refusal.missing.map((m, i) => <li key={i}>{requirementLabel(t, m)}</li>)}</ul>} />
      )}
      <Flex gap={12} style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="kanban">
        {board.data.columns.map((col) => (
          <div key={col.stage.id} onDragOver={(e) => { e.preventDefault(); setOver(col.stage.id); }} onDragLeave={() => setOver(null)} onDrop={drop(col.stage.id)}
            data-testid={`kanban-column-${col.stage.seq}`}
            style={{ minWidth: 240, flex: '1 0 240px', background: over === col.stage.id ? '#e6f4ff' : '#fafafa', borderRadius: 8, padding: 8 }}>
            <Flex justify="space-between" align="baseline">
              <Typography.Text strong>{col.stage.name}</Typography.Text>
              <Typography.Text type="secondary">{col.stage.probability}% · {col.count}</Typography.Text>
            </Flex>
            {col.totals.map((x) => (
              <Typography.Paragraph key={x.currency} type="secondary" style={{ margin: '2px 0 8px', fontSize: 12 }}>
                {fmt.money(x.amount, x.currency)} · {t('opp.weighted')} {fmt.money(x.weighted, x.currency)}
              </Typography.Paragraph>
            ))}
            {col.cards.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={false} />}
            {col.cards.map((c) => (
              <Card key={c.id} size="small" draggable onDragStart={() => setDragged(c)} onDragEnd={() => setDragged(null)}
                style={{ marginBottom: 8, cursor: 'grab' }} data-testid={`kanban-card-${c.number}`}>
                <Link to={`/opportunities/${c.id}`}>{c.name}</Link>
                <div style={{ fontSize: 12 }}>{c.customer.name}</div>
                <Flex justify="space-between" style={{ fontSize: 12 }}>
                  <span>{fmt.money(c.amount, c.currency)}</span>
                  <span>{c.closeDate ? fmt.date(c.closeDate) : ''}</span>
                </Flex>
                <Flex gap={4} style={{ marginTop: 4 }}>
                  <Tag>{c.owner?.name}</Tag>
                  {c.daysInStage > 30 && <Tag color="orange">{t('opp.daysInStage')} {c.daysInStage}</Tag>}
                </Flex>
              </Card>
            ))}
          </div>
        ))}
      </Flex>
    </>
  );
}
