import { INDUSTRY_SECTIONS } from '@ecep/contract';
import { TreeSelect } from 'antd';

function treeData(divisionsOnly: boolean) {
  return INDUSTRY_SECTIONS.map((s) => ({
    value: s.code,
    title: `${s.code} ${s.name}`,
    selectable: !divisionsOnly,
    children: s.divisions.map((d) => ({ value: d.code, title: `${d.code} ${d.name}` })),
  }));
}

const SECTIONS_AND_DIVISIONS = treeData(false);
const DIVISIONS_ONLY = treeData(true);

export interface IndustrySelectProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** In forms an enterprise belongs to a two-digit division; filters also accept a section letter. */
  divisionsOnly?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
}

/** GB/T 4754-2017 国民经济行业分类: sections (门类) with their two-digit divisions (大类). */
export function IndustrySelect({
  value,
  onChange,
  divisionsOnly = false,
  placeholder,
  style,
  id,
}: IndustrySelectProps) {
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={divisionsOnly ? DIVISIONS_ONLY : SECTIONS_AND_DIVISIONS}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={placeholder ?? '行业（GB/T 4754）'}
      style={style}
      popupMatchSelectWidth={360}
      listHeight={360}
    />
  );
}
