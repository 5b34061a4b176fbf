import { Col, Row, Space, Tag, Typography } from 'antd';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys whose values differ between before and after. */
function changedKeys(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  return Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">（无）</Typography.Text>;
  return <pre className="ecep-json">{JSON.stringify(value, null, 2)}</pre>;
}

/** The before/after of one audit event, side by side, with the changed fields named. */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const changed = changedKeys(before, after);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {changed.length > 0 && (
        <div>
          <Typography.Text type="secondary">变更字段：</Typography.Text>
          {changed.map((k) => (
            <Tag key={k} color="blue">
              {k}
            </Tag>
          ))}
        </div>
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Typography.Text strong>变更前</Typography.Text>
          <Json value={before} />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>变更后</Typography.Text>
          <Json value={after} />
        </Col>
      </Row>
    </Space>
  );
}
