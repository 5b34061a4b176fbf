import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { errorText } from '../../api';
import { useMe } from '../../auth/auth-context';
import { ExcelUploadButtons } from '../../components/excel-upload-buttons';
import { ImportOutcomeAlert } from '../../components/import-outcome-alert';
import { useExcelImport } from '../../lib/use-excel-import';
import { downloadLedgerTemplate, exportLedger, importLedger } from './ledger-api';
import { canWriteLedger, LedgerFilterBar, useLedgerFilters } from './ledger-entries-tab';

/**
 * Excel: download the template, upload a filled one (all-or-nothing: nothing is written unless every row is
 * right; every row problem listed), then optionally accept writing only the valid rows; export with the filters.
 */
export function LedgerExcelTab({ onImported }: { onImported?: () => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const { query } = useLedgerFilters();
  const excel = useExcelImport(importLedger, onImported);
  const writer = canWriteLedger(me.role);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {writer && (
        <Card size="small" title="导入台账">
          <ExcelUploadButtons onTemplate={downloadLedgerTemplate} excel={excel} testIdPrefix="ledger" />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            默认“全部或全不”：任何一行有误则不写入任何数据，并列出每一处错误（行、列、表头、原因）。已有该期台账且数值不同时视为更正，须填写“更正原因”。
          </Typography.Paragraph>
        </Card>
      )}
      {/* Only when there is an outcome: an empty child would still take a gap of the Space. */}
      {excel.outcome && (
        <ImportOutcomeAlert
          excel={excel}
          testIdPrefix="ledger"
          rejectedNote="（见下表）"
          acceptOkText="确认导入正确的行"
        />
      )}
      <Card size="small" title="导出台账">
        <LedgerFilterBar />
        <Button
          icon={<DownloadOutlined />}
          data-testid="ledger-export"
          onClick={() => exportLedger(query).catch((e) => message.error(`导出失败：${errorText(e)}`))}
        >
          按当前筛选导出 Excel
        </Button>
      </Card>
    </Space>
  );
}
