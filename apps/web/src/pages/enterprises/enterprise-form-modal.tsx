import {
  ApiError,
  type Enterprise,
  type EnterpriseCreate,
  type EnterpriseUpdate,
  validateUscc,
} from '@ecep/contract';
import { Alert, App, Button, Col, Form, Input, InputNumber, Modal, Row, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../api';
import { useMe } from '../../auth/auth-context';
import { IndustrySelect } from '../../components/industry-select';
import { RegionCascader } from '../../components/region-cascader';
import { formErrorsOf } from '../../lib/form-errors';
import { UsccHint } from './uscc-hint';

interface Values {
  name: string;
  creditCode: string;
  regionCode: string;
  industryCode: string;
  keyEnergyUser: boolean;
  keyPollutionSource: boolean;
  address: string;
  longitude: number | null;
  latitude: number | null;
}

const FIELDS: ReadonlyArray<keyof Values> = [
  'name',
  'creditCode',
  'regionCode',
  'industryCode',
  'keyEnergyUser',
  'keyPollutionSource',
  'address',
  'longitude',
  'latitude',
];

const valuesOf = (e: Enterprise): Values => ({
  name: e.name,
  creditCode: e.creditCode,
  regionCode: e.regionCode,
  industryCode: e.industryCode,
  keyEnergyUser: e.keyEnergyUser,
  keyPollutionSource: e.keyPollutionSource,
  address: e.address,
  longitude: e.longitude,
  latitude: e.latitude,
});

/** Only what changed, plus the version the edit was based on (optimistic locking). */
function patchOf(before: Enterprise, v: Values): EnterpriseUpdate {
  const old = valuesOf(before);
  const patch: Record<string, unknown> = { version: before.version };
  for (const k of FIELDS) if (v[k] !== old[k]) patch[k] = v[k] ?? null;
  return patch as EnterpriseUpdate;
}

export interface EnterpriseFormModalProps {
  open: boolean;
  /** Absent: create a new enterprise. */
  enterprise?: Enterprise;
  onClose: () => void;
  onSaved: (e: Enterprise) => void;
  /** Offered after a version conflict. */
  onReload?: () => void;
}

export function EnterpriseFormModal({
  open,
  enterprise,
  onClose,
  onSaved,
  onReload,
}: EnterpriseFormModalProps) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const creditCode = Form.useWatch('creditCode', form);

  useEffect(() => {
    if (!open) return;
    setGeneral(null);
    setConflict(false);
    form.resetFields();
    form.setFieldsValue(
      enterprise
        ? valuesOf(enterprise)
        : { keyEnergyUser: false, keyPollutionSource: false, address: '', longitude: null, latitude: null },
    );
  }, [open, enterprise, form]);

  const onFinish = async (v: Values) => {
    setSaving(true);
    setGeneral(null);
    try {
      const saved = enterprise
        ? await call((api) => api.updateEnterprise(enterprise.id, patchOf(enterprise, v)))
        : await call((api) =>
            api.createEnterprise({
              ...v,
              name: v.name.trim(),
              creditCode: v.creditCode.trim().toUpperCase(),
              address: v.address ?? '',
            } satisfies EnterpriseCreate),
          );
      message.success(enterprise ? '企业信息已保存' : `已新增企业「${saved.name}」`);
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'ENTERPRISE_VERSION_CONFLICT') {
        setConflict(true);
      } else {
        const { fields, general: rest } = formErrorsOf(err, FIELDS);
        form.setFields(fields);
        setGeneral(rest);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={enterprise ? `编辑企业：${enterprise.name}` : '新增企业'}
      width={720}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={saving}
      okButtonProps={{ disabled: conflict }}
      forceRender
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="保存失败：该企业已被其他人修改"
          description="您编辑的是旧版本（版本冲突）。请重新加载最新信息后再修改。"
          action={
            onReload && (
              <Button size="small" type="primary" onClick={onReload}>
                重新加载
              </Button>
            )
          }
        />
      )}
      {general && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={general} />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark>
        <Form.Item
          name="name"
          label="企业名称"
          rules={[{ required: true, min: 2, max: 200, message: '请输入企业名称（2–200 字）' }]}
        >
          <Input maxLength={200} placeholder="与营业执照一致" />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label="统一社会信用代码"
          normalize={(v: string) => v?.toUpperCase()}
          validateFirst
          rules={[
            { required: true, message: '请输入统一社会信用代码' },
            {
              validator: async (_, value: string) => {
                const check = validateUscc(value ?? '');
                if (!check.ok) throw new Error(check.message);
              },
            },
          ]}
          extra={<UsccHint value={creditCode} />}
        >
          <Input className="ecep-mono" maxLength={18} placeholder="18 位，如 91140100MA0XXXXXXX" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="regionCode"
              label="所在地区（市 / 县区）"
              rules={[{ required: true, message: '请选择所在地区' }]}
            >
              <RegionCascader rootCode={me.regionCode} rootName={me.regionName} allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="industryCode"
              label="所属行业（GB/T 4754 大类）"
              rules={[{ required: true, message: '请选择行业大类' }]}
            >
              <IndustrySelect divisionsOnly placeholder="选择两位数行业大类" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="keyEnergyUser"
              label="重点用能单位（年综合能耗 ≥ 5000 吨标准煤）"
              valuePropName="checked"
            >
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="keyPollutionSource" label="重点排污单位" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label="地址">
          <Input maxLength={300} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="longitude" label="经度（°E，WGS-84）">
              <InputNumber
                min={73}
                max={136}
                step={0.000001}
                precision={6}
                style={{ width: '100%' }}
                placeholder="73–136"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="latitude" label="纬度（°N，WGS-84）">
              <InputNumber
                min={3}
                max={54}
                step={0.000001}
                precision={6}
                style={{ width: '100%' }}
                placeholder="3–54"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
