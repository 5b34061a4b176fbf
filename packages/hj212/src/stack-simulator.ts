import { formatDataTime, parseDataTime } from './data-time.js';
import { createPrng, gaussian } from './prng.js';

/** What the simulated outlet is. */
export type StackKind = 'flue-gas' | 'waste-water';

/** Options of {@link createStackSimulator}. */
export interface StackSimulatorOptions {
  kind: StackKind;
  seed: number;
  /** Length of one `next()` interval in minutes: 10 for minute data (2051), 60 for hourly (2061). Default 10. */
  intervalMinutes?: number;
  /** Chance per interval that an instrument episode (D, C, M) or a stop (F) starts. Default 0.02. */
  faultRate?: number;
}

/** Simulated values of one factor for one interval (assignable to `FactorInput`). */
export interface SimulatedFactor {
  min: number;
  avg: number;
  max: number;
  /** Cumulative amount over the interval (flow volume in m³, pollutant mass in kg). */
  cou?: number;
  /** 折算 mean at the reference O2 (flue gas SO2/NOx/dust; reference 6 %). */
  zsAvg?: number;
  flag: string;
}

/** Simulated real-time values of one factor (for 2011). */
export interface SimulatedRealtime {
  rtd: number;
  zsRtd?: number;
  flag: string;
}

/** One interval of simulated data. */
export interface SimulatedInterval {
  /** Start of the interval, `YYYYMMDDhhmmss` (Beijing time). */
  dataTime: string;
  factors: Record<string, SimulatedFactor>;
  /** The flag of a running episode (D fault, C calibration, M maintenance, F stopped), or `null`. */
  episode: 'D' | 'C' | 'M' | 'F' | null;
}

/** Seeded generator of plausible stack values. */
export interface StackSimulator {
  /** Minute/hour statistics (Min/Avg/Max/Cou/Flag) for the interval starting at `dataTime`. */
  next(dataTime: string | number): SimulatedInterval;
  /** Real-time values (Rtd/ZsRtd/Flag) at `dataTime`. */
  realtime(dataTime: string | number): { dataTime: string; factors: Record<string, SimulatedRealtime> };
}

interface Model {
  code: string;
  base: number;
  /** Relative day/night swing. */
  diurnal: number;
  sd: number;
  decimals: number;
  /** Measured by an analyser (affected by D/C/M episodes). */
  analyser: boolean;
  /** Calibration gas / standard solution value shown during C. */
  span: number;
}

const GAS: Model[] = [
  { code: 'a21026', base: 18, diurnal: 0.15, sd: 3, decimals: 2, analyser: true, span: 80 },
  { code: 'a21002', base: 35, diurnal: 0.12, sd: 5, decimals: 2, analyser: true, span: 120 },
  { code: 'a34013', base: 3.5, diurnal: 0.1, sd: 0.6, decimals: 2, analyser: true, span: 20 },
  { code: 'a19001', base: 7.5, diurnal: -0.05, sd: 0.4, decimals: 2, analyser: true, span: 20.9 },
  { code: 'a00000', base: 95, diurnal: 0.15, sd: 4, decimals: 2, analyser: false, span: 0 },
  { code: 'a01012', base: 50, diurnal: 0.03, sd: 1.2, decimals: 1, analyser: false, span: 0 },
  { code: 'a01013', base: 0.35, diurnal: 0, sd: 0.05, decimals: 3, analyser: false, span: 0 },
  { code: 'a01014', base: 9.5, diurnal: 0.05, sd: 0.6, decimals: 2, analyser: false, span: 0 },
];
const WATER: Model[] = [
  { code: 'w00000', base: 25, diurnal: 0.3, sd: 2, decimals: 2, analyser: false, span: 0 },
  { code: 'w01018', base: 38, diurnal: 0.1, sd: 4, decimals: 1, analyser: true, span: 100 },
  { code: 'w21003', base: 2.1, diurnal: 0.1, sd: 0.3, decimals: 2, analyser: true, span: 10 },
  { code: 'w21011', base: 0.28, diurnal: 0.1, sd: 0.04, decimals: 3, analyser: true, span: 2 },
  { code: 'w21001', base: 9.5, diurnal: 0.1, sd: 1, decimals: 2, analyser: true, span: 20 },
  { code: 'w01001', base: 7.3, diurnal: 0, sd: 0.15, decimals: 2, analyser: true, span: 7 },
];

/** Duct cross-section used to derive the flue-gas velocity, m². */
const DUCT_AREA_M2 = 6.5;
const REFERENCE_O2 = 6;
const COU_KG = new Set(['a21026', 'a21002', 'a34013', 'w01018', 'w21003', 'w21011', 'w21001']);

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(v * f) / f;
  return r === 0 ? 0 : r; // no -0
}

/**
 * Creates a deterministic simulator of one monitored outlet: flue gas (SO2 a21026, NOx a21002, dust
 * a34013, O2 a19001, flow a00000 in m³/s, temperature a01012, pressure a01013, humidity a01014, velocity
 * a01011) or wastewater (flow w00000 in L/s, COD w01018, NH3-N w21003, TP w21011, TN w21001, pH w01001).
 * Values follow a daily cycle plus autocorrelated noise; occasional episodes set flags D, C, M or F. Pure:
 * the seed and the call sequence fix every value.
 *
 * @example
 * const sim = createStackSimulator({ kind: 'flue-gas', seed: 7 });
 * const { dataTime, factors } = sim.next('20240501081000');
 * encodeFrame(buildDataPacket({ st: '31', cn: '2051', mn: 'MN001', pw: '123456', dataTime, factors }));
 */
export function createStackSimulator(options: StackSimulatorOptions): StackSimulator {
  const rand = createPrng(options.seed);
  const models = options.kind === 'flue-gas' ? GAS : WATER;
  const intervalS = (options.intervalMinutes ?? 10) * 60;
  const faultRate = options.faultRate ?? 0.02;
  const noise = new Map<string, number>(models.map((m) => [m.code, 0]));
  let episode: SimulatedInterval['episode'] = null;
  let episodeLeft = 0;

  function stepEpisode(): void {
    if (episodeLeft > 0) {
      episodeLeft--;
      if (episodeLeft === 0) episode = null;
      return;
    }
    if (rand() < faultRate) {
      const r = rand();
      episode = r < 0.4 ? 'D' : r < 0.65 ? 'C' : r < 0.85 ? 'M' : 'F';
      episodeLeft = 1 + Math.floor(rand() * 6);
    }
  }

  function level(m: Model, timeMs: number): number {
    const hour = (((timeMs / 3_600_000 + 8) % 24) + 24) % 24; // Beijing hour
    const cycle = Math.sin((2 * Math.PI * (hour - 8)) / 24);
    const prev = noise.get(m.code)!;
    const x = 0.8 * prev + 0.6 * m.sd * gaussian(rand);
    noise.set(m.code, x);
    return m.base * (1 + m.diurnal * cycle) + x;
  }

  function valueFor(m: Model, timeMs: number): { v: number; flag: string } {
    let v = Math.max(0, level(m, timeMs));
    let flag = 'N';
    if (episode === 'F') {
      flag = 'F';
      if (m.code === 'a00000' || m.code === 'w00000') v = 0;
      else if (m.code === 'a19001') v = 20.6;
      else if (m.analyser) v = v * 0.05;
    } else if (episode !== null && m.analyser) {
      flag = episode;
      if (episode === 'C') v = m.span;
      else if (episode === 'D') v = 0;
    }
    return { v, flag };
  }

  function timeOf(dataTime: string | number): { ms: number; text: string } {
    const ms = typeof dataTime === 'number' ? dataTime : (parseDataTime(dataTime) ?? 0);
    return { ms, text: typeof dataTime === 'number' ? formatDataTime(dataTime) : dataTime };
  }

  function correction(o2: number): number {
    return (21 - REFERENCE_O2) / Math.max(1, 21 - o2);
  }

  return {
    next(dataTime) {
      stepEpisode();
      const { ms, text } = timeOf(dataTime);
      const factors: Record<string, SimulatedFactor> = {};
      for (const m of models) {
        const { v, flag } = valueFor(m, ms);
        const spread = Math.abs(gaussian(rand)) * m.sd * 0.8 + m.sd * 0.2;
        const avg = round(v, m.decimals);
        factors[m.code] = {
          min: round(Math.max(0, v - spread), m.decimals),
          avg,
          max: round(v + spread * (0.8 + rand() * 0.4), m.decimals),
          flag,
        };
      }
      const flowKey = options.kind === 'flue-gas' ? 'a00000' : 'w00000';
      const flow = factors[flowKey]!.avg;
      const volumeM3 = options.kind === 'flue-gas' ? flow * intervalS : (flow * intervalS) / 1000;
      factors[flowKey]!.cou = round(volumeM3, 1);
      if (options.kind === 'flue-gas') {
        const k = correction(factors.a19001!.avg);
        for (const code of ['a21026', 'a21002', 'a34013'])
          factors[code]!.zsAvg = round(factors[code]!.avg * k, 2);
        const vel = factors.a00000!;
        factors.a01011 = {
          min: round(vel.min / DUCT_AREA_M2, 2),
          avg: round(vel.avg / DUCT_AREA_M2, 2),
          max: round(vel.max / DUCT_AREA_M2, 2),
          flag: vel.flag,
        };
      }
      for (const code of COU_KG) {
        const f = factors[code];
        if (f !== undefined) f.cou = round(f.avg * volumeM3 * (options.kind === 'flue-gas' ? 1e-6 : 1e-3), 4);
      }
      return { dataTime: text, factors, episode };
    },
    realtime(dataTime) {
      const { ms, text } = timeOf(dataTime);
      const factors: Record<string, SimulatedRealtime> = {};
      for (const m of models) {
        const { v, flag } = valueFor(m, ms);
        factors[m.code] = { rtd: round(v, m.decimals), flag };
      }
      if (options.kind === 'flue-gas') {
        const k = correction(factors.a19001!.rtd);
        for (const code of ['a21026', 'a21002', 'a34013'])
          factors[code]!.zsRtd = round(factors[code]!.rtd * k, 2);
        factors.a01011 = { rtd: round(factors.a00000!.rtd / DUCT_AREA_M2, 2), flag: factors.a00000!.flag };
      }
      return { dataTime: text, factors };
    },
  };
}
