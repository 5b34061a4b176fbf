import type { ReportContent, ReportTotals } from '@ecep/contract';
import { Descriptions, Space, Statistic, Table, Typography } from 'antd';
import { type Explain, isExplain } from '../../lib/find-explains';
import { ExplainCard } from '../calc/explain-card';
import { energyNameZh, unitLabel } from './energy-options';

const num = (v: number | undefined) => (v === undefined ? '—' : String(v));

/** What the enterprise entered: energy rows with the stock balance, products and output value. */
export function ReportContentView({ content }: { content: ReportContent }) {
  return (
    <>
      <Table
        size="small"
        pagination={false}
        rowKey={(e) => e.energyCode}
        dataSource={content.energy}
        scroll={{ x: 760 }}
        columns={[
          { title: '能源品种', dataIndex: 'energyCode', render: (c: string) => energyNameZh(c) },
          { title: '单位', dataIndex: 'unit', width: 90, render: (u: string) => unitLabel(u) },
          { title: '期初库存', dataIndex: 'openingStock', align: 'right', render: num },
          { title: '购进量', dataIndex: 'purchased', align: 'right', render: num },
          { title: '消费量', dataIndex: 'consumed', align: 'right', render: num },
          { title: '外供量', dataIndex: 'outputToOthers', align: 'right', render: num },
          { title: '期末库存', dataIndex: 'closingStock', align: 'right', render: num },
        ]}
      />
      <Descriptions
        size="small"
        bordered
        column={1}
        style={{ marginTop: 16 }}
        items={[
          {
            key: 'products',
            label: '产品产量',
            children:
              content.products && content.products.length > 0
                ? content.products.map((p) => `${p.name} ${p.output} ${p.unit}`).join('；')
                : '未填报',
          },
          {
            key: 'value',
            label: '工业总产值（可比价）',
            children:
              content.outputValue10kYuan === undefined ? '未填报' : `${content.outputValue10kYuan} 万元`,
          },
          { key: 'note', label: '备注', children: content.note || '—' },
        ]}
      />
    </>
  );
}

/** The totals the server computed, each with its coefficient, source and formula. */
export function ReportTotalsView({ totals }: { totals: ReportTotals }) {
  const explain = totals.explain as (Explain & { consumed?: unknown }) | null;
  return (
    <>
      <Space size={48} wrap style={{ marginBottom: 16 }}>
        <Statistic
          title="综合能源消费量（tce）"
          value={totals.comprehensiveTce}
          valueRender={() => <span data-testid="report-comprehensive-tce">{totals.comprehensiveTce}</span>}
        />
        <Statistic title="能源消费量（tce）" value={totals.consumedTce} />
        <Statistic title="外供能源（tce）" value={totals.outputToOthersTce} />
        <Statistic title="产值能耗（tce/万元）" value={totals.intensityTcePer10kYuan ?? '—'} />
        {totals.unitProduct.map((u) => (
          <Statistic
            key={u.product}
            title={`单位产品能耗（kgce/${u.unit}，${u.product}）`}
            value={u.kgcePerUnit}
          />
        ))}
      </Space>
      <Table
        size="small"
        pagination={false}
        rowKey="energyCode"
        dataSource={totals.items}
        columns={[
          { title: '能源品种', dataIndex: 'nameZh' },
          {
            title: '折标准煤（tce）',
            dataIndex: 'consumedTce',
            align: 'right',
            render: (v: string) => <span className="ecep-mono">{v}</span>,
          },
          { title: '折标系数', dataIndex: 'coefficient' },
          {
            title: '系数来源',
            dataIndex: 'source',
            render: (s: string) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {s}
              </Typography.Text>
            ),
          },
        ]}
      />
      {isExplain(explain) && (
        <div style={{ marginTop: 16, display: 'grid', gap: 12 }}>
          <ExplainCard path="综合能源消费量" explain={explain} />
          {isExplain(explain.consumed) && <ExplainCard path="各品种折标" explain={explain.consumed} />}
        </div>
      )}
    </>
  );
}
