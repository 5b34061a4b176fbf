import { ApiError } from '@ecep/contract';
import { Alert, Card, Col, Empty, Input, Menu, Row, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type CalcCatalogItem, call, errorText, listCalcs } from '../../api';
import { CalcRunner } from './calc-runner';

export function CalculatorPage() {
  const [catalog, setCatalog] = useState<CalcCatalogItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [params, setParams] = useSearchParams();
  const [manualName, setManualName] = useState('');

  useEffect(() => {
    call(() => listCalcs())
      .then((res) => setCatalog(res.items))
      .catch((err) => {
        setError(err);
        setCatalog([]);
      });
  }, []);

  const selectedName = params.get('name') ?? catalog?.[0]?.name;
  const selected = catalog?.find((c) => c.name === selectedName);
  const missing = error instanceof ApiError && error.status === 404;

  return (
    <Row gutter={16}>
      <Col xs={24} lg={7} xl={6}>
        <Card title="计算器" styles={{ body: { padding: catalog && catalog.length > 0 ? 0 : undefined } }}>
          {catalog === null && <Skeleton active />}
          {catalog && catalog.length > 0 && (
            <Menu
              mode="inline"
              style={{ borderInlineEnd: 'none' }}
              selectedKeys={selectedName ? [selectedName] : []}
              onClick={({ key }) => setParams({ name: key })}
              items={catalog.map((c) => ({
                key: c.name,
                label: c.titleZh,
                title: `${c.titleZh} / ${c.titleEn}`,
              }))}
            />
          )}
          {catalog && catalog.length === 0 && (
            <>
              {missing ? (
                <Alert
                  type="info"
                  showIcon
                  title="计算引擎目录接口尚未上线"
                  description="GET /api/calc 暂未提供（返回 404）。可在下方直接输入计算名称试用 POST /api/calc/:name。"
                />
              ) : error ? (
                <Alert type="error" showIcon title={`计算目录加载失败：${errorText(error)}`} />
              ) : (
                <Empty description="暂无可用的计算" />
              )}
              <Input.Search
                style={{ marginTop: 12 }}
                placeholder="计算名称，如 tce"
                enterButton="使用"
                value={manualName}
                onChange={(e) => setManualName(e.target.value)}
                onSearch={(v) => v.trim() && setParams({ name: v.trim() })}
              />
            </>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={17} xl={18}>
        <Card
          title={
            selected ? (
              <span>
                {selected.titleZh}{' '}
                <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                  {selected.titleEn} · <span className="ecep-mono">{selected.name}</span>
                </Typography.Text>
              </span>
            ) : selectedName ? (
              <span className="ecep-mono">{selectedName}</span>
            ) : (
              '计算'
            )
          }
        >
          {selected?.description && <Typography.Paragraph>{selected.description}</Typography.Paragraph>}
          {selectedName ? (
            <CalcRunner key={selectedName} name={selectedName} exampleInput={selected?.exampleInput} />
          ) : (
            <Empty description={catalog === null ? '正在加载计算目录…' : '请选择左侧的一项计算'} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
