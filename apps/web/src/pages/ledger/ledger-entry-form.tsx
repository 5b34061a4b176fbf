import type { SolidWasteEntry } from '@ecep/contract';
import {
  Alert,
  Col,
  Descriptions,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useMe } from '../../auth/auth-context';
import { EnterprisePicker } from '../system/enterprise-picker';
import { correctEntry, createEntry } from './ledger-api';
import {
  type BalanceProblemView,
  entryToFormValues,
  type LedgerFormValues,
  ledgerFormErrors,
  toCorrectionPayload,
  toCreatePayload,
} from './ledger-form';
import { ROUTE_LABELS, WASTE_TYPE_OPTIONS, wasteTypeName } from './ledger-labels';

const PERIOD_RE = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

function Tonnes({
  name,
  label,
  required,
  testId,
  help,
}: {
  name: string | [string, string];
  label: string;
  required?: boolean;
  testId: string;
  help?: string;
}) {
  return (
    <Form.Item
      name={name}
      label={`${label}（吨）`}
      tooltip={help}
      rules={required ? [{ required: true, message: `请填写${label}` }] : []}
    >
      <InputNumber<string>
        stringMode
        min="0"
        style={{ width: '100%' }}
        placeholder={required ? undefined : '可留空'}
        data-testid={testId}
      />
    </Form.Item>
  );
}

/** The numbers of each balance complaint, next to the form, so the user sees what does not add up. */
function ProblemNumbers({ problems }: { problems: BalanceProblemView[] }) {
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="ledger-balance-problems"
      title="贮存平衡不成立（LEDGER_BALANCE_MISMATCH），未保存"
      description={problems.map((p) => (
        <Descriptions
          key={`${String(p.field)}-${p.message}`}
          size="small"
          column={3}
          style={{ marginTop: 8 }}
          title={<Typography.Text style={{ fontSize: 13 }}>{p.message}</Typography.Text>}
          items={p.numbers.map((n) => ({ key: n.label, label: n.label, children: n.value }))}
        />
      ))}
    />
  );
}

export interface LedgerEntryModalProps {
  open: boolean;
  /** The entry to correct; none for a new entry. */
  entry?: SolidWasteEntry;
  onClose: () => void;
  onSaved: (entry: SolidWasteEntry) => void;
}

/**
 * Records one period of an enterprise's solid waste, or corrects an entry (a new version with a reason).
 * Enterprise users record for their own enterprise; the server checks the balance and says which numbers differ.
 */
export function LedgerEntryModal({ open, entry, onClose, onSaved }: LedgerEntryModalProps) {
  const me = useMe();
  const [form] = Form.useForm<LedgerFormValues>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<BalanceProblemView[]>([]);
  const [general, setGeneral] = useState<string | null>(null);
  const ownEnterprise = me.role === 'enterprise_user' ? me.enterpriseId : null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setProblems([]);
    setGeneral(null);
    form.setFieldsValue(entry ? entryToFormValues(entry) : { enterpriseId: ownEnterprise ?? undefined });
  }, [open, entry, form, ownEnterprise]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is missing
    setSaving(true);
    setProblems([]);
    setGeneral(null);
    try {
      const saved = entry
        ? await correctEntry(entry.id, toCorrectionPayload(values, entry.version))
        : await createEntry(
            toCreatePayload({ ...values, enterpriseId: ownEnterprise ?? values.enterpriseId }),
          );
      onSaved(saved);
    } catch (err) {
      const mapped = ledgerFormErrors(err);
      form.setFields(mapped.fields.map((f) => ({ name: f.name as never, errors: f.errors })));
      setProblems(mapped.problems);
      setGeneral(mapped.general);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      width={920}
      title={
        entry
          ? `更正台账：${entry.enterpriseName} · ${entry.period} · ${wasteTypeName(entry.wasteType)}（当前第 ${entry.version} 版）`
          : '录入固废台账'
      }
      okText={entry ? '保存更正（新版本）' : '保存'}
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'ledger-entry-save' } as Record<string, string>}
      destroyOnHidden
    >
      {general && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={general} />}
      <ProblemNumbers problems={problems} />
      <Form form={form} layout="vertical" requiredMark>
        <Row gutter={16}>
          <Col span={10}>
            {entry ? (
              <Form.Item label="企业">{entry.enterpriseName}</Form.Item>
            ) : ownEnterprise ? (
              <Form.Item name="enterpriseId" label="企业" hidden>
                <Input />
              </Form.Item>
            ) : (
              <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
                <EnterprisePicker />
              </Form.Item>
            )}
            {ownEnterprise && !entry && <Form.Item label="企业">本企业</Form.Item>}
          </Col>
          <Col span={7}>
            <Form.Item
              name="wasteType"
              label="固废种类"
              rules={[{ required: true, message: '请选择固废种类' }]}
            >
              <Select options={WASTE_TYPE_OPTIONS} disabled={!!entry} data-testid="ledger-entry-waste-type" />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item
              name="period"
              label="期别"
              tooltip="月度填 YYYY-MM，年度填 YYYY"
              rules={[
                { required: true, message: '请填写期别' },
                { pattern: PERIOD_RE, message: '格式：YYYY-MM（月度）或 YYYY（年度）' },
              ]}
            >
              <Input placeholder="如 2025-03 或 2025" disabled={!!entry} data-testid="ledger-entry-period" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text type="secondary">
          平衡关系：产生量 = 综合利用量 − 其中利用往年贮存量 + 处置量 + 贮存量；期末贮存量 = 期初贮存量 +
          贮存量 − 利用往年贮存量；各利用去向之和 = 综合利用量。
        </Typography.Text>
        <Row gutter={16} style={{ marginTop: 12 }}>
          <Col span={6}>
            <Tonnes
              name="openingStockT"
              label="期初贮存量"
              testId="ledger-entry-openingStockT"
              help="留空则取上期期末贮存量（首期为 0）"
            />
          </Col>
          <Col span={6}>
            <Tonnes name="generatedT" label="产生量" required testId="ledger-entry-generatedT" />
          </Col>
          <Col span={6}>
            <Tonnes name="utilizedT" label="综合利用量" required testId="ledger-entry-utilizedT" />
          </Col>
          <Col span={6}>
            <Tonnes
              name="utilizedFromStockT"
              label="其中利用往年贮存量"
              testId="ledger-entry-utilizedFromStockT"
            />
          </Col>
        </Row>
        <Divider titlePlacement="start" plain style={{ margin: '4px 0 12px' }}>
          综合利用去向（合计应等于综合利用量）
        </Divider>
        <Row gutter={16}>
          {ROUTE_LABELS.map((r) => (
            <Col span={4} key={r.key}>
              <Tonnes name={['routes', r.key]} label={r.label} testId={`ledger-entry-${r.key}`} />
            </Col>
          ))}
        </Row>
        <Row gutter={16}>
          <Col span={6}>
            <Tonnes name="disposedT" label="处置量" required testId="ledger-entry-disposedT" />
          </Col>
          <Col span={6}>
            <Tonnes name="storedT" label="贮存量" required testId="ledger-entry-storedT" />
          </Col>
          <Col span={6}>
            <Tonnes
              name="closingStockT"
              label="期末贮存量"
              testId="ledger-entry-closingStockT"
              help="留空则按平衡关系计算"
            />
          </Col>
          <Col span={6}>
            <Form.Item name="note" label="备注">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        {entry && (
          <Form.Item
            name="reason"
            label="更正原因"
            rules={[{ required: true, whitespace: true, message: '更正须填写原因' }]}
          >
            <Input.TextArea rows={2} maxLength={500} data-testid="ledger-entry-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
