import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { type BarometerRow, type Bulletin, bulletinXlsxUrl, getBulletin } from '../../lib/targets-api';
import { useReloadable } from '../../lib/use-reloadable';
import './bulletin-print.css';
import { LoadErrorAlert } from '../../components/load-error-alert';

const LEVEL_ZH: Record<number, string> = { 1: '一级预警（红）', 2: '二级预警（黄）', 3: '三级（绿）' };
const cell = (v: string | null) => v ?? '—';

function BulletinRow({ r, parent }: { r: BarometerRow; parent?: boolean }) {
  return (
    <tr className={parent ? 'parent' : undefined}>
      <td>{r.regionName}</td>
      <td className="num">{cell(r.energyGrowthPct)}</td>
      <td className="num">{cell(r.gdpGrowthPct)}</td>
      <td className="num">{cell(r.intensityChangePct)}</td>
      <td className="num">{cell(r.requiredChangePct)}</td>
      <td>{r.intensityLevel ? LEVEL_ZH[r.intensityLevel] : '—'}</td>
    </tr>
  );
}

/** 公报: each city's intensity change and warning level for a year, printable on A4 and downloadable as Excel. */
export function BulletinPage() {
  const { year: yearText = '' } = useParams();
  const year = Number(yearText);
  const [data, setData] = useState<Bulletin | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    async (isCurrent: () => boolean) => {
      setData(null);
      try {
        const b = await getBulletin(year);
        if (isCurrent()) {
          setData(b);
          setError(null);
        }
      } catch (err) {
        if (isCurrent()) setError(err);
      }
    },
    [year],
  );
  const reload = useReloadable(load);

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to="/targets?tab=ranking">目标考核</Link> }, { title: `${yearText} 年公报` }]}
      />
      <Space className="ecep-no-print" style={{ marginBottom: 16 }}>
        <Button icon={<DownloadOutlined />} href={bulletinXlsxUrl(year)} disabled={!data}>
          下载 Excel
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!data}>
          打印/导出 PDF
        </Button>
        <Link to={`/targets/bulletin/${year - 1}`}>
          <Button>上一年</Button>
        </Link>
        <Link to={`/targets/bulletin/${year + 1}`}>
          <Button>下一年</Button>
        </Link>
      </Space>
      {error !== null && <LoadErrorAlert what="公报" error={error} onRetry={reload} />}
      <Card className="ecep-bulletin">
        {!data ? (
          error === null && <Skeleton active paragraph={{ rows: 12 }} />
        ) : (
          <>
            <Typography.Title level={3} style={{ textAlign: 'center' }} data-testid="bulletin-title">
              {data.title}
              {data.isDemo && (
                <Tag color="gold" style={{ marginLeft: 8, verticalAlign: 'middle' }}>
                  演示数据
                </Tag>
              )}
            </Typography.Title>
            {data.rows.length === 0 && !data.parent.intensityChangePct ? (
              <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
                {data.year} 年暂无统计数据。
              </Typography.Paragraph>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>地区</th>
                    <th>能源消费总量增速（%）</th>
                    <th>GDP 增速（%，可比价）</th>
                    <th>万元 GDP 能耗上升或下降（±%）</th>
                    <th>年度目标（%）</th>
                    <th>预警等级</th>
                  </tr>
                </thead>
                <tbody>
                  <BulletinRow r={data.parent} parent />
                  {data.rows.map((r) => (
                    <BulletinRow key={r.regionCode} r={r} />
                  ))}
                </tbody>
              </table>
            )}
            <div style={{ marginTop: 16, fontSize: 12 }}>
              {data.notes.map((n) => (
                <p key={n} style={{ margin: '2px 0' }}>
                  {n}
                </p>
              ))}
              {data.isDemo && (
                <p style={{ margin: '2px 0' }}>本公报数据为演示数据，仅供系统演示，不代表官方统计。</p>
              )}
            </div>
          </>
        )}
      </Card>
    </>
  );
}
