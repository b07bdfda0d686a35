// Approve / reject buttons for one bad-debt request (shown only to someone who may decide it).
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BadDebtRequest } from '../../api/bad-debt-requests';

export function BadDebtDecisionButtons({ request, onDecide, size }: {
  request: BadDebtRequest;
  onDecide: (r: BadDebtRequest, decision: 'approve' | 'reject') => void;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap>
      <Button size={size} type="primary" danger icon={<CheckOutlined />} onClick={(e) => { e.stopPropagation(); onDecide(request, 'approve'); }} data-testid="bad-debt-approve">
        {t('badDebtRequest.actions.approve')}
      </Button>
      <Button size={size} icon={<CloseOutlined />} onClick={(e) => { e.stopPropagation(); onDecide(request, 'reject'); }} data-testid="bad-debt-reject">
        {t('badDebtRequest.actions.reject')}
      </Button>
    </Flex>
  );
}
