import { Collapse, Empty, Space, Typography } from 'antd';
import { findExplains } from '../../lib/find-explains';
import { CalcValues } from './calc-values';
import { ExplainCard } from './explain-card';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{ ok: true, value }` envelopes are unwrapped; a bare result is shown as is. */
function unwrap(output: unknown): unknown {
  if (isRecord(output) && output.ok === true) {
    if ('value' in output) return output.value;
    if ('result' in output) return output.result;
  }
  return output;
}

export function CalcOutput({ output }: { output: unknown }) {
  const value = unwrap(output);
  const explains = findExplains(value);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        计算结果
      </Typography.Title>
      {isRecord(value) ? (
        <CalcValues output={value} />
      ) : (
        <pre className="ecep-json">{JSON.stringify(value, null, 2)}</pre>
      )}
      {explains.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该结果没有附带计算说明（explain）" />
      ) : (
        explains.map((e) => <ExplainCard key={e.path} path={e.path} explain={e.explain} />)
      )}
      <Collapse
        size="small"
        items={[
          {
            key: 'raw',
            label: '原始输出（JSON）',
            children: <pre className="ecep-json">{JSON.stringify(output, null, 2)}</pre>,
          },
        ]}
      />
    </Space>
  );
}
