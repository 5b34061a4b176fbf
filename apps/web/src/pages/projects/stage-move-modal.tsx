import type { Project } from '@ecep/contract';
import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorText } from '../../api';
import { changeStage, type StageCode, stageName } from './project-api';
import { moveNeedsReason, toStageChange } from './stage-move';

export interface StageMoveTarget {
  project: Pick<Project, 'id' | 'name' | 'stage' | 'stageDate'>;
  to: StageCode;
}

/** Moves a project to another stage: date (not in the future), evidence, and a reason when one is needed. */
export function StageMoveModal({
  target,
  onClose,
  onMoved,
}: {
  target: StageMoveTarget | null;
  onClose: () => void;
  onMoved: () => void;
}) {
  const [form] = Form.useForm<{ date?: Dayjs; evidence?: string; reason?: string }>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue({ date: dayjs() });
    setRefusal(null);
  }, [target, form]);
  if (!target) return null;
  const needsReason = moveNeedsReason(target.project.stage, target.to);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setSaving(true);
    setRefusal(null);
    try {
      await changeStage(
        target.project.id,
        toStageChange(target.to, { ...v, date: v.date?.format('YYYY-MM-DD') }),
      );
      onMoved();
    } catch (err) {
      setRefusal(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${target.project.name}：${stageName(target.project.stage)} → ${stageName(target.to)}`}
      okText="确认变更阶段"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`未变更：${refusal}`}
          data-testid="stage-refusal"
        />
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="date"
          label="阶段日期"
          extra={
            target.project.stageDate
              ? `当前阶段日期：${target.project.stageDate}；不能填写未来日期`
              : '不能填写未来日期'
          }
          rules={[{ required: true, message: '请选择日期' }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="evidence" label="佐证材料（文号、链接、附件名）">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={needsReason ? '原因（回退、终止或恢复须说明）' : '说明（可选）'}
          rules={needsReason ? [{ required: true, whitespace: true, message: '请说明原因' }] : []}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">
        阶段顺序：储备 → 开工 → 投产 → 达产；终止须说明原因。
      </Typography.Text>
    </Modal>
  );
}
