import { Descriptions, Table, Typography } from 'antd';
import { unitFromName } from '../../lib/unit-from-name';

type Row = Record<string, unknown>;
const isRecord = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function scalarText(v: unknown): string {
  if (v === null) return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

function withUnit(key: string, v: unknown): string {
  const unit = typeof v === 'boolean' || v === null ? null : unitFromName(key);
  return `${scalarText(v)}${unit ? ` ${unit}` : ''}`;
}

/** The scalar results (with units read from their names) and any arrays of records as tables. */
export function CalcValues({ output }: { output: Row }) {
  const scalars = Object.entries(output).filter(([, v]) => isScalar(v));
  const tables = Object.entries(output).filter(
    ([, v]) => Array.isArray(v) && v.length > 0 && v.every(isRecord),
  ) as Array<[string, Row[]]>;

  return (
    <>
      {scalars.length > 0 && (
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={scalars.map(([k, v]) => {
            return {
              key: k,
              label: k,
              children: (
                <Typography.Text strong className="ecep-mono">
                  {withUnit(k, v)}
                </Typography.Text>
              ),
            };
          })}
        />
      )}
      {tables.map(([name, rows]) => {
        const keys = [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => isScalar(r[k]))))];
        return (
          <div key={name} style={{ marginTop: 16 }}>
            <Typography.Text strong>{name}</Typography.Text>
            <Table<Row>
              size="small"
              rowKey={(_, i) => String(i)}
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={rows}
              columns={keys.map((k) => {
                const unit = unitFromName(k);
                return {
                  key: k,
                  title: unit ? `${k}（${unit}）` : k,
                  dataIndex: k,
                  width: 140,
                  ellipsis: { showTitle: true },
                  render: (v: unknown) => scalarText(v),
                };
              })}
            />
          </div>
        );
      })}
    </>
  );
}
