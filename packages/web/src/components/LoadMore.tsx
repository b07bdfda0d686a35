// "Load more" for cursor-paginated lists.
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  count: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}

export function LoadMore({ count, hasMore, loading, onMore }: Props) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" gap={8} wrap>
      <Typography.Text type="secondary">{t('common.loadedCount', { count })}</Typography.Text>
      {hasMore ? (
        <Button onClick={onMore} loading={loading} data-testid="load-more">{t('common.loadMore')}</Button>
      ) : (
        count > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
      )}
    </Flex>
  );
}
