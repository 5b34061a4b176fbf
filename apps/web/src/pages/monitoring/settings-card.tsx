import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { DeviceSettings } from '@ecep/contract';
import {
  App,
  AutoComplete,
  Button,
  Card,
  Descriptions,
  Form,
  InputNumber,
  Modal,
  Select,
  Space,
  Tag,
} from 'antd';
import { useState } from 'react';
import { errorText } from '../../api';
import { monitoringApi } from './monitoring-api';
import { STANDARD_LABELS, standardLabel } from './monitoring-labels';
import type { FactorNames } from './use-factors';

interface FormValues {
  standardProfile?: string;
  referenceO2Pct?: number | null;
  expectedIntervalS?: number | null;
  limits?: Array<{ factor?: string; value?: number | null }>;
}

/** The device's emission standard settings; admins edit them (PUT, audited on the server). */
export function SettingsCard({
  mn,
  settings,
  factors,
  factorCodes,
  canEdit,
  onSaved,
}: {
  mn: string;
  settings: DeviceSettings | null;
  factors: FactorNames;
  /** Factors the device reports, offered first when adding a limit. */
  factorCodes: readonly string[];
  canEdit: boolean;
  onSaved: (s: DeviceSettings) => void;
}) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const limits = Object.entries(settings?.limits ?? {});

  const open = () => {
    form.setFieldsValue({
      standardProfile: settings?.standardProfile,
      referenceO2Pct: settings?.referenceO2Pct ?? null,
      expectedIntervalS: settings?.expectedIntervalS ?? 60,
      limits: limits.map(([factor, value]) => ({ factor, value })),
    });
    setEditing(true);
  };

  const save = async () => {
    const v = await form.validateFields();
    const body: DeviceSettings = {};
    if (v.standardProfile) body.standardProfile = v.standardProfile.trim();
    if (v.referenceO2Pct !== null && v.referenceO2Pct !== undefined) body.referenceO2Pct = v.referenceO2Pct;
    if (v.expectedIntervalS !== null && v.expectedIntervalS !== undefined)
      body.expectedIntervalS = v.expectedIntervalS;
    const lim: Record<string, number> = {};
    for (const l of v.limits ?? []) if (l.factor && l.value) lim[l.factor] = l.value;
    if (Object.keys(lim).length > 0) body.limits = lim;
    setSaving(true);
    try {
      const saved = await monitoringApi.saveSettings(mn, body);
      message.success('排放标准设置已保存');
      setEditing(false);
      onSaved(saved);
    } catch (err) {
      message.error(`保存失败：${errorText(err)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title="排放标准设置"
      data-testid="settings-card"
      extra={
        canEdit && (
          <Button size="small" icon={<EditOutlined />} onClick={open}>
            编辑
          </Button>
        )
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="执行标准">{standardLabel(settings?.standardProfile)}</Descriptions.Item>
        <Descriptions.Item label="基准氧含量">
          {settings?.referenceO2Pct !== undefined ? `${settings.referenceO2Pct} %` : '不折算'}
        </Descriptions.Item>
        <Descriptions.Item label="上报周期">{settings?.expectedIntervalS ?? 60} 秒</Descriptions.Item>
        <Descriptions.Item label="排放限值" span={3}>
          {limits.length === 0
            ? '未设置'
            : limits.map(([code, v]) => (
                <Tag key={code}>
                  {factors.name(code)}：{v} {factors.unit(code)}
                </Tag>
              ))}
        </Descriptions.Item>
      </Descriptions>
      <Modal
        title="编辑排放标准设置"
        open={editing}
        onCancel={() => setEditing(false)}
        onOk={save}
        okText="保存"
        confirmLoading={saving}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="standardProfile" label="执行标准">
            <AutoComplete
              options={Object.entries(STANDARD_LABELS).map(([value, label]) => ({ value, label }))}
              placeholder="如 GB13223-2011-ultra-low"
            />
          </Form.Item>
          <Space>
            <Form.Item name="referenceO2Pct" label="基准氧含量（%）" tooltip="留空则不做氧含量折算">
              <InputNumber min={0} max={20.9} step={0.1} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="expectedIntervalS" label="上报周期（秒）">
              <InputNumber min={10} max={86400} style={{ width: 160 }} />
            </Form.Item>
          </Space>
          <Form.List name="limits">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item
                      name={[field.name, 'factor']}
                      rules={[{ required: true, message: '请选择因子' }]}
                    >
                      <Select
                        showSearch
                        style={{ width: 220 }}
                        placeholder="监测因子"
                        options={factorCodes.map((c) => ({ value: c, label: `${factors.name(c)} ${c}` }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'value']}
                      rules={[{ required: true, message: '请输入限值' }]}
                    >
                      <InputNumber min={0.0001} placeholder="限值" style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() => {
                        const code = form.getFieldValue(['limits', field.name, 'factor']) as
                          | string
                          | undefined;
                        return (
                          <span style={{ width: 60, display: 'inline-block' }}>
                            {code ? factors.unit(code) : ''}
                          </span>
                        );
                      }}
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                  添加限值
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Card>
  );
}
