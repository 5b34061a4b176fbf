import { Breadcrumb, Card, Result, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useMe } from '../../auth/auth-context';
import { createReport } from './report-api';
import { contentOf, EMPTY_REPORT, ReportForm } from './report-form';

/** 新建报表: an enterprise user starts a draft for a period; it is submitted from the report page. */
export function ReportNewPage() {
  const me = useMe();
  const navigate = useNavigate();
  if (me.role !== 'enterprise_user') {
    return <Result status="403" title="报表由企业填报" subTitle="只有企业用户可以新建能源利用状况报表。" />;
  }
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: '能源与双控' },
          { title: <Link to="/reports">填报与审核</Link> },
          { title: '新建报表' },
        ]}
      />
      <Card title="新建能源利用状况报表">
        <Typography.Paragraph type="secondary">
          保存后为草稿，可继续修改；确认无误后在报表页“报送”，依次经县级、市级审核和省级批准。
        </Typography.Paragraph>
        <ReportForm
          mode="create"
          initial={EMPTY_REPORT}
          submitText="保存草稿"
          onSubmit={async (v) => {
            const r = await createReport({
              periodType: v.periodType,
              period: v.period.trim(),
              content: contentOf(v),
            });
            navigate(`/reports/${r.id}`, { replace: true });
          }}
        />
      </Card>
    </>
  );
}
