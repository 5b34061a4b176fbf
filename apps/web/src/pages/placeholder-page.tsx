import { ToolOutlined } from '@ant-design/icons';
import { Card, List, Result, Tag, Typography } from 'antd';
import { PLACEHOLDER_SECTIONS, type PlaceholderKey } from './placeholder-sections';

/** A section that is not built yet: says what will be here instead of showing invented numbers. */
export function PlaceholderPage({ section }: { section: PlaceholderKey }) {
  const s = PLACEHOLDER_SECTIONS[section];
  return (
    <Card>
      <Result
        icon={<ToolOutlined style={{ color: '#17795e' }} />}
        title={
          <span>
            {s.title} <Tag color="blue">建设中</Tag>
          </span>
        }
        subTitle={`${s.summary}本模块正在开发，暂无数据。`}
      >
        <Typography.Title level={5}>上线后将提供：</Typography.Title>
        <List size="small" dataSource={s.planned} renderItem={(item) => <List.Item>{item}</List.Item>} />
      </Result>
    </Card>
  );
}
