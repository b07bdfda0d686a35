// The visit dialogs: plan, check in (the device's position through navigator.geolocation; when it is refused or
// unavailable the rep types the coordinates), check out with the visit record and the follow-up's next step.
import { VISIT_OUTCOMES } from '@l2c/shared';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useContacts } from '../../api/contacts';
import { useCheckIn, useCheckOut, usePlanVisit, type Visit } from '../../api/visits';
import { CustomerSelect } from '../../components/CustomerSelect';

export function PlanVisitModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ customerId: string; contactId?: string; plannedOn: Dayjs; purpose: string }>();
  const customerId = Form.useWatch('customerId', form);
  const contacts = useContacts(customerId ?? '');
  const plan = usePlanVisit({ form, fields: ['customerId', 'contactId', 'plannedOn', 'purpose'] });
  return (
    <Modal open={open} title={t('visit.plan')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={plan.isPending} destroyOnHidden data-testid="visit-plan">
      <Form form={form} layout="vertical" initialValues={{ plannedOn: dayjs() }} onFinish={(v) => plan.mutate({
        customerId: v.customerId, contactId: v.contactId ?? null, plannedOn: v.plannedOn.format('YYYY-MM-DD'), purpose: v.purpose,
      }, { onSuccess: () => { onClose(); form.resetFields(); } })}>
        <Form.Item name="customerId" label={t('visit.customer')} rules={[{ required: true }]}><CustomerSelect /></Form.Item>
        <Form.Item name="contactId" label={t('visit.contact')}>
          <Select allowClear options={customerId ? (contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })) : []} />
        </Form.Item>
        <Form.Item name="plannedOn" label={t('visit.plannedOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.Item name="purpose" label={t('visit.purpose')} rules={[{ required: true, max: 200 }]}><Input data-testid="visit-purpose" /></Form.Item>
      </Form>
    </Modal>
  );
}

interface Position { lat: number | null; lng: number | null; source: 'gps' | 'manual' }

/** The device's position once the dialog opens; on refusal or timeout the form asks for the coordinates by hand. */
function usePosition(active: boolean) {
  const [pos, setPos] = useState<Position>({ lat: null, lng: null, source: 'manual' });
  const [state, setState] = useState<'idle' | 'locating' | 'done' | 'failed'>('idle');
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (!active) return;
    if (!('geolocation' in navigator)) { setState('failed'); setReason('no geolocation'); return; }
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (p) => { setPos({ lat: Number(p.coords.latitude.toFixed(6)), lng: Number(p.coords.longitude.toFixed(6)), source: 'gps' }); setState('done'); },
      (e) => { setState('failed'); setReason(e.message || String(e.code)); },
      { enableHighAccuracy: true, timeout: 8000, maximumAge: 60_000 },
    );
  }, [active]);
  return { pos, state, reason };
}

function CoordinateFields({ state, reason }: { state: string; reason: string }) {
  const { t } = useTranslation();
  return (
    <>
      {state === 'locating' && <Spin tip={t('visit.locating')}><div style={{ height: 40 }} /></Spin>}
      {state === 'failed' && <Alert type="warning" showIcon message={t('visit.gpsFailed', { reason })} style={{ marginBottom: 12 }} />}
      <Space>
        <Form.Item name="lat" label={t('visit.lat')} rules={[{ required: true }]}><InputNumber min={-90} max={90} step={0.000001} style={{ width: 160 }} data-testid="visit-lat" /></Form.Item>
        <Form.Item name="lng" label={t('visit.lng')} rules={[{ required: true }]}><InputNumber min={-180} max={180} step={0.000001} style={{ width: 160 }} data-testid="visit-lng" /></Form.Item>
      </Space>
    </>
  );
}

export function CheckInModal({ visit, onClose }: { visit: Visit; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ lat: number; lng: number }>();
  const { pos, state, reason } = usePosition(true);
  const checkIn = useCheckIn({ form, fields: ['lat', 'lng'] });
  useEffect(() => { if (pos.lat !== null) form.setFieldsValue({ lat: pos.lat, lng: pos.lng! }); }, [pos, form]);
  const touched = (v: { lat: number; lng: number }) => pos.source === 'gps' && v.lat === pos.lat && v.lng === pos.lng;
  return (
    <Modal open title={`${t('visit.checkIn')} · ${visit.customer.name}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={checkIn.isPending} destroyOnHidden data-testid="visit-checkin">
      {!visit.customerLocation && <Alert type="info" showIcon message={t('visit.noReference')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => checkIn.mutate({ id: visit.id, version: visit.version, lat: v.lat, lng: v.lng, source: touched(v) ? 'gps' : 'manual' }, { onSuccess: onClose })}>
        <CoordinateFields state={state} reason={reason} />
      </Form>
    </Modal>
  );
}

interface OutValues { lat?: number; lng?: number; attendees?: string; discussed: string; outcome: (typeof VISIT_OUTCOMES)[number]; customerNeeds?: string; competitorInfo?: string; nextSteps?: string; nextDate?: Dayjs }

export function CheckOutModal({ visit, onClose }: { visit: Visit; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OutValues>();
  const { pos, state, reason } = usePosition(true);
  const checkOut = useCheckOut({ form, fields: ['lat', 'lng', 'record', 'nextDate'], nested: true });
  useEffect(() => { if (pos.lat !== null) form.setFieldsValue({ lat: pos.lat, lng: pos.lng! }); }, [pos, form]);
  const submit = (v: OutValues) => checkOut.mutate({
    id: visit.id, version: visit.version, lat: v.lat ?? null, lng: v.lng ?? null, source: pos.source, nextDate: v.nextDate?.format('YYYY-MM-DD') ?? null,
    record: { attendees: v.attendees || null, discussed: v.discussed, outcome: v.outcome, customerNeeds: v.customerNeeds || null, competitorInfo: v.competitorInfo || null, nextSteps: v.nextSteps || null },
  }, { onSuccess: onClose });
  return (
    <Modal open title={`${t('visit.checkOut')} · ${visit.customer.name}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={checkOut.isPending} width={640} destroyOnHidden data-testid="visit-checkout">
      <Form form={form} layout="vertical" initialValues={{ outcome: 'neutral' }} onFinish={submit}>
        <CoordinateFields state={state} reason={reason} />
        <Form.Item name="attendees" label={t('visit.attendees')}><Input /></Form.Item>
        <Form.Item name="discussed" label={t('visit.discussed')} rules={[{ required: true }]}><Input.TextArea rows={3} data-testid="visit-discussed" /></Form.Item>
        <Form.Item name="outcome" label={t('visit.outcome')}><Select options={VISIT_OUTCOMES.map((o) => ({ value: o, label: t(`visit.outcomes.${o}`) }))} /></Form.Item>
        <Form.Item name="customerNeeds" label={t('visit.needs')}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="competitorInfo" label={t('visit.competitorInfo')}><Input /></Form.Item>
        <Space>
          <Form.Item name="nextSteps" label={t('visit.nextSteps')}><Input style={{ width: 360 }} data-testid="visit-next" /></Form.Item>
          <Form.Item name="nextDate" label={t('visit.nextDate')}><DatePicker /></Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
