import { PlusOutlined } from '@ant-design/icons';
import type { SolidWasteUtilizer } from '@ecep/contract';
import { App, Button, Empty, Select, Space, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { useMe } from '../../auth/auth-context';
import { downloadCsv, toCsv } from '../../components/csv';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useApiData } from '../../lib/use-api-data';
import { useRegionNames } from '../../lib/use-region-names';
import { useUrlState } from '../../lib/use-url-state';
import { listUtilizers } from './ledger-api';
import { tonnes, WASTE_TYPE_OPTIONS, wasteTypeName } from './ledger-labels';
import { canRegisterUtilizer, UtilizerModal } from './utilizer-modal';

/**
 * 综合利用企业: capacity by waste type (t/yr) and certification, with its validity. Administrators and enterprise
 * users register or update them; auditors only read.
 */
export function LedgerUtilizersTab() {
  const me = useMe();
  const { message } = App.useApp();
  const editable = canRegisterUtilizer(me.role);
  const [editing, setEditing] = useState<{ utilizer?: SolidWasteUtilizer } | null>(null);
  const { get, update } = useUrlState();
  const wasteType = get('uwt');
  const fetcher = useCallback(() => listUtilizers(wasteType), [wasteType]);
  const { data, loading, error, reload } = useApiData(fetcher);
  const items = data?.items ?? [];
  const regionName = useRegionNames(items.map((u) => u.regionCode));

  const capacityText = (u: SolidWasteUtilizer) =>
    Object.entries(u.capacities)
      .map(([k, v]) => `${wasteTypeName(k)} ${tonnes(v)}`)
      .join('；');

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        {editable && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({})}
            data-testid="utilizer-register"
          >
            登记综合利用企业
          </Button>
        )}
        <Select
          allowClear
          placeholder="可利用的固废种类"
          style={{ width: 200 }}
          value={wasteType}
          onChange={(v?: string) => update({ uwt: v })}
          options={WASTE_TYPE_OPTIONS}
        />
        <Button
          onClick={() =>
            downloadCsv(
              '综合利用企业',
              toCsv(
                [
                  { title: '企业', value: (u: SolidWasteUtilizer) => u.enterpriseName },
                  { title: '地区', value: (u) => regionName(u.regionCode) },
                  { title: '利用能力（吨/年）', value: capacityText },
                  { title: '合计能力（吨/年）', value: (u) => u.totalCapacityTPerYr },
                  { title: '产品', value: (u) => u.products },
                  { title: '认定/认证', value: (u) => u.certification },
                  { title: '证书编号', value: (u) => u.certificateNo },
                  { title: '有效期至', value: (u) => u.certifiedUntil },
                  { title: '认定有效', value: (u) => u.certificationValid },
                ],
                items,
              ),
            )
          }
        >
          导出 CSV
        </Button>
      </Space>
      {error !== null && (
        <LoadErrorAlert what="综合利用企业" error={error} onRetry={reload} style={{ marginBottom: 16 }} />
      )}
      <Table<SolidWasteUtilizer>
        data-testid="ledger-utilizers"
        size="small"
        bordered
        rowKey="id"
        loading={loading}
        dataSource={items}
        locale={{ emptyText: <Empty description="管辖范围内没有登记的综合利用企业" /> }}
        columns={[
          { title: '企业', dataIndex: 'enterpriseName', width: 220 },
          { title: '地区', dataIndex: 'regionCode', render: (c: string) => regionName(c) },
          { title: '利用能力（吨/年）', key: 'caps', render: (_: unknown, u) => capacityText(u) || '—' },
          {
            title: '合计能力（吨/年）',
            dataIndex: 'totalCapacityTPerYr',
            align: 'right',
            render: tonnes,
          },
          { title: '产品', dataIndex: 'products' },
          { title: '认定/认证', dataIndex: 'certification', render: (v: string) => v || '—' },
          { title: '证书编号', dataIndex: 'certificateNo', render: (v: string) => v || '—' },
          { title: '有效期至', dataIndex: 'certifiedUntil', render: (v: string | null) => v ?? '长期' },
          {
            title: '认定状态',
            dataIndex: 'certificationValid',
            render: (v: boolean, u) =>
              v ? (
                <Tag color="success">有效</Tag>
              ) : (
                <Tag color="error">{u.certification ? '已过期' : '未认定'}</Tag>
              ),
          },
          ...(editable
            ? [
                {
                  title: '',
                  key: 'edit',
                  width: 70,
                  render: (_: unknown, u: SolidWasteUtilizer) => (
                    <Button type="link" size="small" onClick={() => setEditing({ utilizer: u })}>
                      修改
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <UtilizerModal
        open={editing !== null}
        utilizer={editing?.utilizer}
        onClose={() => setEditing(null)}
        onSaved={(u) => {
          setEditing(null);
          message.success(`已保存：${u.enterpriseName}，合计利用能力 ${tonnes(u.totalCapacityTPerYr)} 吨/年`);
          reload();
        }}
      />
    </>
  );
}
