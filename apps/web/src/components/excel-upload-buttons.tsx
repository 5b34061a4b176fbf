import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Upload } from 'antd';
import { errorText } from '../api';
import type { ExcelImport } from '../lib/use-excel-import';

export interface ExcelUploadButtonsProps {
  onTemplate: () => Promise<void>;
  excel: ExcelImport;
  /** `ledger` → data-testid `ledger-template` and `ledger-upload`. */
  testIdPrefix?: string;
}

/** 下载导入模板 and the upload of a filled one (all-or-nothing). */
export function ExcelUploadButtons({ onTemplate, excel, testIdPrefix }: ExcelUploadButtonsProps) {
  const { message } = App.useApp();
  return (
    <Space wrap>
      <Button
        icon={<DownloadOutlined />}
        data-testid={testIdPrefix && `${testIdPrefix}-template`}
        onClick={() => onTemplate().catch((e) => message.error(errorText(e)))}
      >
        下载导入模板
      </Button>
      <Upload
        accept=".xlsx"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(f) => {
          excel.choose(f);
          return false;
        }}
      >
        <Button
          type="primary"
          icon={<UploadOutlined />}
          loading={excel.busy}
          data-testid={testIdPrefix && `${testIdPrefix}-upload`}
        >
          上传填好的模板（全部正确才写入）
        </Button>
      </Upload>
    </Space>
  );
}
