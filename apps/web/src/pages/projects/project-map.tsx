import type { Project } from '@ecep/contract';
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import shanxi from 'echarts4-maps/map/json/province/shanxi.json';
import { useEffect, useMemo, useRef } from 'react';

echarts.use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);
// ECharts 4.9 map data (GB/T 2260 city ids, compressed coordinates that ECharts 6 still decodes).
echarts.registerMap('shanxi', shanxi as unknown as Parameters<typeof echarts.registerMap>[1]);

/** Projects per city: the city is the first four digits of the project's region code. */
export function projectsByCity(
  projects: Pick<Project, 'regionCode' | 'stage'>[],
): Map<string, { total: number; started: number }> {
  const out = new Map<string, { total: number; started: number }>();
  for (const p of projects) {
    const city = `${p.regionCode.slice(0, 4)}00`;
    const c = out.get(city) ?? { total: 0, started: 0 };
    c.total++;
    if (p.stage === 'started' || p.stage === 'operating' || p.stage === 'full_production') c.started++;
    out.set(city, c);
  }
  return out;
}

/** The Shanxi city map shaded by the number of key projects in each city. */
export function ProjectMap({
  projects,
  onCity,
}: {
  projects: Project[];
  onCity?: (cityCode: string) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const onCityRef = useRef(onCity);
  onCityRef.current = onCity;
  const option = useMemo(() => {
    const counts = projectsByCity(projects);
    const data = (shanxi as { features: Array<{ id: string; properties: { name: string } }> }).features.map(
      (f) => {
        const c = counts.get(f.id);
        return { name: f.properties.name, code: f.id, value: c?.total ?? 0, started: c?.started ?? 0 };
      },
    );
    const max = Math.max(1, ...data.map((d) => d.value));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; data?: { value: number; started: number } }) =>
          `${p.name}<br/>重点项目 ${p.data?.value ?? 0} 个，已开工 ${p.data?.started ?? 0} 个`,
      },
      visualMap: {
        min: 0,
        max,
        left: 16,
        bottom: 16,
        text: ['多', '少'],
        calculable: true,
        inRange: { color: ['#e6f4ff', '#0958d9'] },
      },
      series: [{ type: 'map', map: 'shanxi', roam: false, label: { show: true, fontSize: 11 }, data }],
    };
  }, [projects]);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current);
    chart.current = c;
    c.on('click', (p) => {
      const code = (p.data as { code?: string } | undefined)?.code;
      if (code) onCityRef.current?.(code);
    });
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={el} style={{ width: '100%', height: 520 }} data-testid="project-map" />;
}
