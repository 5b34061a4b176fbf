import { Card, Result, Tabs, Typography } from 'antd';
import { useMe } from '../../auth/auth-context';
import { useUrlTab } from '../../lib/use-url-tab';
import { LedgerEntriesTab } from './ledger-entries-tab';
import { LedgerExcelTab } from './ledger-excel-tab';
import { LedgerProgressTab } from './ledger-progress-tab';
import { LedgerRatesTab } from './ledger-rates-tab';
import { LedgerUtilizersTab } from './ledger-utilizers-tab';

const TABS = ['entries', 'excel', 'rates', 'progress', 'utilizers'] as const;

/** 固废与排污许可台账: entries, Excel import/export, utilisation rates, plan progress, utilisation enterprises. */
export function LedgerPage() {
  const me = useMe();
  const [tab, setTab] = useUrlTab(TABS);

  if (me.role === 'public') {
    return <Result status="403" title="无权查看台账" subTitle="请使用企业或管理部门账号登录。" />;
  }
  const scope = me.role === 'enterprise_user' ? '本企业' : (me.regionName ?? '全国');
  return (
    <Card
      title={
        <>
          工业固体废物台账{' '}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            范围：{scope}
          </Typography.Text>
        </>
      }
    >
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={setTab}
        items={[
          { key: 'entries', label: '台账记录', children: <LedgerEntriesTab /> },
          { key: 'excel', label: 'Excel 导入导出', children: <LedgerExcelTab /> },
          { key: 'rates', label: '综合利用率', children: <LedgerRatesTab /> },
          { key: 'progress', label: '规划目标进展', children: <LedgerProgressTab /> },
          { key: 'utilizers', label: '综合利用企业', children: <LedgerUtilizersTab /> },
        ]}
      />
    </Card>
  );
}
