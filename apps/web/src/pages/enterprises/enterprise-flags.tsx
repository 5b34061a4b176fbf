import type { Enterprise } from '@ecep/contract';
import { Tag } from 'antd';

/** 重点用能 / 重点排污 / 演示 as tags. */
export function EnterpriseFlags({
  enterprise,
  showDemo = false,
}: {
  enterprise: Enterprise;
  showDemo?: boolean;
}) {
  return (
    <>
      {enterprise.keyEnergyUser && <Tag color="gold">重点用能单位</Tag>}
      {enterprise.keyPollutionSource && <Tag color="volcano">重点排污单位</Tag>}
      {showDemo && enterprise.isDemo && <Tag color="orange">演示</Tag>}
    </>
  );
}
