import { ROLE_LABELS_ZH, type Role, type UserCreate } from '@ecep/contract';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../api';
import { useMe } from '../../auth/auth-context';
import { creatableRoles } from '../../auth/permissions';
import { RegionCascader } from '../../components/region-cascader';
import { formErrorsOf } from '../../lib/form-errors';
import { EnterprisePicker } from './enterprise-picker';

interface Values {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  regionCode?: string;
  enterpriseId?: string;
}

const FIELDS = ['username', 'password', 'displayName', 'role', 'regionCode', 'enterpriseId'] as const;

export function UserCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const role = Form.useWatch('role', form);
  const roles = creatableRoles(me.role);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setGeneral(null);
    }
  }, [open, form]);

  const onFinish = async (v: Values) => {
    setSaving(true);
    setGeneral(null);
    const body: UserCreate = {
      username: v.username.trim(),
      password: v.password,
      displayName: v.displayName.trim(),
      role: v.role,
      regionCode: v.role === 'enterprise_user' || v.role === 'public' ? null : (v.regionCode ?? null),
      enterpriseId: v.role === 'enterprise_user' ? (v.enterpriseId ?? null) : null,
    };
    try {
      const user = await call((api) => api.createUser(body));
      message.success(`已创建用户 ${user.username}`);
      onCreated();
    } catch (err) {
      const { fields, general: rest } = formErrorsOf(err, FIELDS);
      form.setFields(fields);
      setGeneral(rest);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title="新增用户"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="创建"
      confirmLoading={saving}
      forceRender
    >
      {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="username"
          label="用户名（登录名）"
          rules={[
            { required: true, message: '请输入用户名' },
            { pattern: /^[A-Za-z0-9_.-]{2,64}$/, message: '2–64 位字母、数字或 _ . -' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="password"
          label="初始密码"
          rules={[{ required: true, min: 8, message: '密码至少 8 位' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select
            options={roles.map((r) => ({ value: r, label: ROLE_LABELS_ZH[r] }))}
            placeholder="选择角色"
          />
        </Form.Item>
        {role === 'enterprise_user' && (
          <Form.Item
            name="enterpriseId"
            label="所属企业"
            rules={[{ required: true, message: '企业用户必须指定所属企业' }]}
          >
            <EnterprisePicker />
          </Form.Item>
        )}
        {role && role !== 'enterprise_user' && role !== 'public' && (
          <Form.Item
            name="regionCode"
            label="管辖区域"
            extra={`不选则为您的管辖区域（${me.regionName ?? '全国'}）`}
          >
            <RegionCascader rootCode={me.regionCode} rootName={me.regionName} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
