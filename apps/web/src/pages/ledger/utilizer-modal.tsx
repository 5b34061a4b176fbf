import { SOLID_WASTE_TYPES, type SolidWasteUtilizer } from '@ecep/contract';
import { Alert, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useMe } from '../../auth/auth-context';
import { EnterprisePicker } from '../system/enterprise-picker';
import { saveUtilizer } from './ledger-api';
import {
  hasCapacity,
  toUtilizerInput,
  type UtilizerFormValues,
  utilizerFormErrors,
  utilizerToValues,
} from './utilizer-form';

type Values = Omit<UtilizerFormValues, 'certifiedUntil'> & { certifiedUntil?: Dayjs | null };

/** Roles that may register utilisation enterprises (the PUT's `config.access`); an enterprise user only its own. */
export const canRegisterUtilizer = (role: string): boolean =>
  role === 'province_admin' || role === 'city_admin' || role === 'county_admin' || role === 'enterprise_user';

/**
 * 登记综合利用企业: an enterprise of the caller's scope, its capacity by waste type (t/yr), products and the
 * certification with its end date. Registering one already registered updates it. The API's field errors appear
 * at their fields.
 */
export function UtilizerModal({
  open,
  utilizer,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The one to update; none to register a new one. */
  utilizer?: SolidWasteUtilizer;
  onClose: () => void;
  onSaved: (u: SolidWasteUtilizer) => void;
}) {
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const ownEnterprise = me.role === 'enterprise_user' ? me.enterpriseId : null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setGeneral(null);
    if (utilizer) {
      const v = utilizerToValues(utilizer);
      form.setFieldsValue({ ...v, certifiedUntil: v.certifiedUntil ? dayjs(v.certifiedUntil) : null });
    } else if (ownEnterprise) {
      form.setFieldsValue({ enterpriseId: ownEnterprise });
    }
  }, [open, utilizer, form, ownEnterprise]);

  const submit = async () => {
    const raw = await form.validateFields().catch(() => null);
    if (!raw) return; // the form shows what is missing
    const values: UtilizerFormValues = {
      ...raw,
      enterpriseId: utilizer?.enterpriseId ?? ownEnterprise ?? raw.enterpriseId,
      certifiedUntil: raw.certifiedUntil ? raw.certifiedUntil.format('YYYY-MM-DD') : null,
    };
    if (!hasCapacity(values)) {
      setGeneral('请至少填写一种固废的利用能力');
      return;
    }
    setSaving(true);
    setGeneral(null);
    try {
      onSaved(await saveUtilizer(toUtilizerInput(values)));
    } catch (err) {
      const mapped = utilizerFormErrors(err);
      form.setFields(mapped.fields.map((f) => ({ name: f.name, errors: f.errors })));
      setGeneral(mapped.general ?? '未保存：请按标出的字段修改');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      width={760}
      title={utilizer ? `修改综合利用企业：${utilizer.enterpriseName}` : '登记综合利用企业'}
      okText="保存"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'utilizer-save' } as Record<string, string>}
      destroyOnHidden
    >
      {general && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={general}
          data-testid="utilizer-error"
        />
      )}
      <Form form={form} layout="vertical" requiredMark>
        {utilizer ? (
          <Form.Item label="企业">{utilizer.enterpriseName}</Form.Item>
        ) : ownEnterprise ? (
          <Form.Item label="企业">本企业</Form.Item>
        ) : (
          <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
            <EnterprisePicker />
          </Form.Item>
        )}
        <Divider titlePlacement="start" plain style={{ margin: '4px 0 12px' }}>
          利用能力（吨/年，至少一种）
        </Divider>
        <Row gutter={16}>
          {SOLID_WASTE_TYPES.map((w) => (
            <Col span={8} key={w.code}>
              <Form.Item name={['capacities', w.code]} label={`${w.nameZh}（${w.catalogCode}）`}>
                <InputNumber<string>
                  stringMode
                  min="0"
                  style={{ width: '100%' }}
                  placeholder="可留空"
                  data-testid={`utilizer-capacity-${w.code}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="products" label="主要产品">
          <Input maxLength={300} placeholder="如 蒸压粉煤灰砖、纸面石膏板" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="certification" label="认定/认证">
              <Input maxLength={200} placeholder="如 资源综合利用产品认定" />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="certificateNo" label="证书编号">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="certifiedUntil" label="有效期至" tooltip="留空表示长期有效">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
