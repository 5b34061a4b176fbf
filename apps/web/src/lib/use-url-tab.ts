import { useUrlState } from './use-url-state';

/**
 * The tab of a page kept in the URL (`?tab=`): one of `tabs`, the first when the URL names none or another.
 * Choosing the first tab takes `tab` out of the URL again.
 */
export function useUrlTab<T extends string>(tabs: readonly [T, ...T[]]): [T, (key: string) => void] {
  const { get, update } = useUrlState();
  const raw = get('tab');
  const first = tabs[0];
  const tab = (tabs as readonly string[]).includes(raw ?? '') ? (raw as T) : first;
  return [tab, (key) => update({ tab: key === first ? undefined : key })];
}
