import type { TaskDetail } from '@ecep/contract';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { createTask } from './task-api';
import { type TaskCreateValues, taskCreateErrors, toTaskCreate } from './task-create-form';

type Values = Omit<TaskCreateValues, 'deadline'> & { deadline?: Dayjs | null };

/** Roles the API lets add tasks (`POST /api/tasks`); the server also requires a supervisor (no unit of its own). */
export const canCreateTask = (role: string, supervisor: boolean): boolean =>
  supervisor && (role === 'province_admin' || role === 'city_admin' || role === 'county_admin');

/**
 * 新增督办任务: a task given by hand to lead units (and cooperating units) with a deadline. Units are picked from
 * those already named on tasks or typed in; the API's field errors appear at their fields.
 */
export function TaskCreateModal({
  open,
  knownUnits,
  onClose,
  onCreated,
}: {
  open: boolean;
  knownUnits: string[];
  onClose: () => void;
  onCreated: (task: TaskDetail) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setGeneral(null);
  }, [open, form]);

  const unitOptions = knownUnits.map((u) => ({ value: u, label: u }));

  const submit = async () => {
    const raw = await form.validateFields().catch(() => null);
    if (!raw) return; // the form shows what is missing
    setSaving(true);
    setGeneral(null);
    try {
      const task = await createTask(
        toTaskCreate({ ...raw, deadline: raw.deadline ? raw.deadline.format('YYYY-MM-DD') : null }),
      );
      onCreated(task);
    } catch (err) {
      const mapped = taskCreateErrors(err);
      form.setFields(mapped.fields.map((f) => ({ name: f.name as never, errors: f.errors })));
      setGeneral(mapped.general ?? '未保存：请按标出的字段修改');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      width={680}
      title="新增督办任务"
      okText="下达任务"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'task-create-save' } as Record<string, string>}
      destroyOnHidden
    >
      {general && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={general}
          data-testid="task-create-error"
        />
      )}
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="title"
          label="任务内容"
          rules={[{ required: true, whitespace: true, message: '请填写任务内容' }]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="task-create-title" />
        </Form.Item>
        <Form.Item
          name="leadUnits"
          label="牵头单位"
          extra="可从已有单位中选择，或输入单位全称后回车"
          rules={[{ required: true, type: 'array', min: 1, message: '请至少指定一个牵头单位' }]}
        >
          <Select
            mode="tags"
            options={unitOptions}
            placeholder="如 山西省工业和信息化厅"
            data-testid="task-create-lead"
            tokenSeparators={['、', '，', ',']}
          />
        </Form.Item>
        <Form.Item name="cooperatingUnits" label="配合单位">
          <Select
            mode="tags"
            options={unitOptions}
            placeholder="可留空"
            data-testid="task-create-coop"
            tokenSeparators={['、', '，', ',']}
          />
        </Form.Item>
        <Form.Item name="deadline" label="完成时限" extra="留空表示无时限">
          <DatePicker style={{ width: '100%' }} data-testid="task-create-deadline" />
        </Form.Item>
        <Form.Item name="expectedOutput" label="预期成果">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
