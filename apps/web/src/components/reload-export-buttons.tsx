import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { errorText } from '../api';

/** 刷新 and 按当前筛选导出 Excel, for a filter bar; a failed export is reported as a message. */
export function ReloadExportButtons({
  onReload,
  onExport,
}: {
  onReload: () => void;
  onExport: () => Promise<void>;
}) {
  const { message } = App.useApp();
  return (
    <>
      <Button icon={<ReloadOutlined />} onClick={onReload}>
        刷新
      </Button>
      <Button
        icon={<DownloadOutlined />}
        onClick={() => onExport().catch((e) => message.error(`导出失败：${errorText(e)}`))}
      >
        按当前筛选导出 Excel
      </Button>
    </>
  );
}
