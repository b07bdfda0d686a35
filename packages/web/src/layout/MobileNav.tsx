// The side menu as a drawer on phones (loaded when a phone opens it: the desktop first screen does not carry Drawer).
import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { NavMenu } from './NavMenu';

export default function MobileNav({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer placement="left" open={open} onClose={onClose} size={240} title={t('app.name')} destroyOnHidden styles={{ body: { padding: 0 } }}>
      <NavMenu onNavigate={onClose} />
    </Drawer>
  );
}
