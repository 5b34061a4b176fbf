import { Card, Descriptions, Table, Typography } from 'antd';
import type { Explain, ExplainCoefficient } from '../../lib/find-explains';
import { unitFromName } from '../../lib/unit-from-name';

const coefficientColumns = [
  { title: '系数', dataIndex: 'name', key: 'name' },
  {
    title: '数值',
    dataIndex: 'value',
    key: 'value',
    render: (v: string | number) => <span className="ecep-mono">{v}</span>,
  },
  { title: '单位', dataIndex: 'unit', key: 'unit' },
  { title: '来源', dataIndex: 'source', key: 'source' },
];

const show = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);

/** One calculation's “why”: formula, inputs, coefficients with their sources, and notes. */
export function ExplainCard({ path, explain }: { path: string; explain: Explain }) {
  const inputs = Object.entries(explain.inputs ?? {});
  return (
    <Card
      size="small"
      title={
        <span>
          计算说明{' '}
          <Typography.Text type="secondary" className="ecep-mono">
            {path}
          </Typography.Text>
        </span>
      }
    >
      <Typography.Text strong>公式</Typography.Text>
      <pre className="ecep-json" style={{ fontSize: 13, margin: '4px 0 12px' }}>
        {explain.formula}
      </pre>
      {inputs.length > 0 && (
        <>
          <Typography.Text strong>输入</Typography.Text>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 2 }}
            style={{ margin: '4px 0 12px' }}
            items={inputs.map(([k, v]) => {
              const unit = unitFromName(k);
              return { key: k, label: k, children: `${show(v)}${unit ? ` ${unit}` : ''}` };
            })}
          />
        </>
      )}
      {explain.coefficients && explain.coefficients.length > 0 && (
        <>
          <Typography.Text strong>系数及来源</Typography.Text>
          <Table<ExplainCoefficient>
            size="small"
            rowKey={(c) => `${c.name}-${c.value}`}
            columns={coefficientColumns}
            dataSource={explain.coefficients}
            pagination={false}
            style={{ margin: '4px 0 12px' }}
          />
        </>
      )}
      {explain.notes && explain.notes.length > 0 && (
        <>
          <Typography.Text strong>说明</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {explain.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
