import { Empty, Typography } from 'antd';

/** A tab of the detail page that later work fills; it says what will be there. */
export function EnterpriseTabPlaceholder({ title, planned }: { title: string; planned: string }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <Typography.Text strong>{title}功能建设中</Typography.Text>
          <br />
          <Typography.Text type="secondary">{planned}</Typography.Text>
        </>
      }
    />
  );
}
