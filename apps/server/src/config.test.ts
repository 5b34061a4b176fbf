import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('config', () => {
  it('uses defaults when nothing is given', () => {
    const c = loadConfig({}, {});
    expect(c.httpPort).toBe(8080);
    expect(c.hj212Port).toBe(9212);
    expect(c.dataDir).toBe(path.resolve('.ecep-data'));
    expect(c.databaseUrl).toBeNull();
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('prefers flags over ECEP_* environment over defaults', () => {
    const env = { ECEP_HTTP_PORT: '9000', ECEP_DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://a@b/c' };
    expect(loadConfig({}, env).httpPort).toBe(9000);
    expect(loadConfig({ httpPort: '9100' }, env).httpPort).toBe(9100);
    expect(loadConfig({}, env).databaseUrl).toBe('postgres://a@b/c');
    expect(loadConfig({ databaseUrl: 'postgresql://x@y/z' }, env).databaseUrl).toBe('postgresql://x@y/z');
  });

  it('lists every problem at once', () => {
    try {
      loadConfig(
        { httpPort: 'abc', logLevel: 'loud' },
        { DATABASE_URL: 'mysql://x', ECEP_ADMIN_PASSWORD: 'short' },
      );
      expect.unreachable('should have thrown');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/port/);
      expect(problems).toMatch(/ECEP_LOG_LEVEL/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/ECEP_ADMIN_PASSWORD/);
    }
  });

  it('reads the MQTT broker for energy readings from --mqtt-url or ECEP_MQTT_URL, off by default', () => {
    expect(loadConfig({}, {}).mqttUrl).toBeNull();
    const env = { ECEP_MQTT_URL: 'mqtt://broker:1883' };
    expect(loadConfig({}, env).mqttUrl).toBe('mqtt://broker:1883');
    expect(loadConfig({ mqttUrl: 'mqtt://127.0.0.1:1884' }, env).mqttUrl).toBe('mqtt://127.0.0.1:1884');
    expect(() => loadConfig({ mqttUrl: 'http://broker' }, {})).toThrow(/ECEP_MQTT_URL/);
  });

  it('reads the HJ 212 gateway limits from ECEP_HJ212_* in their units and lists bad ones', () => {
    const defaults = loadConfig({}, {}).gateway;
    expect(defaults).toMatchObject({ idleTimeoutMs: 600_000, maxSegmentBytes: 9999, maxBatchFrames: 2000 });
    const tuned = loadConfig(
      {},
      {
        ECEP_HJ212_IDLE_TIMEOUT_S: '120',
        ECEP_HJ212_MAX_FRAME_BYTES: '4096',
        ECEP_HJ212_MAX_QUEUED_FRAMES: '5000',
        ECEP_HJ212_BATCH_DELAY_MS: '0',
        ECEP_HJ212_SPLIT_WAIT_S: '60',
        ECEP_HJ212_MAX_DATA_TIME_AHEAD_S: '600',
      },
    ).gateway;
    expect(tuned).toMatchObject({
      idleTimeoutMs: 120_000,
      maxSegmentBytes: 4096,
      maxQueuedFrames: 5000,
      maxBatchDelayMs: 0,
      splitMaxAgeMs: 60_000,
      maxDataTimeAheadMs: 600_000,
      maxInFlightPerConnection: defaults.maxInFlightPerConnection,
    });
    try {
      loadConfig(
        {},
        {
          ECEP_HJ212_BATCH_FRAMES: '0',
          ECEP_HJ212_MAX_FRAME_BYTES: '20000',
          ECEP_HJ212_IDLE_TIMEOUT_S: 'soon',
          ECEP_HJ212_MAX_DATA_TIME_AHEAD_S: '30',
        },
      );
      expect.unreachable();
    } catch (err) {
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/ECEP_HJ212_BATCH_FRAMES: expected a whole number ≥ 1, got "0"/);
      expect(problems).toMatch(/ECEP_HJ212_MAX_FRAME_BYTES: at most 9999/);
      expect(problems).toMatch(/ECEP_HJ212_IDLE_TIMEOUT_S: expected a whole number ≥ 1, got "soon"/);
      expect(problems).toMatch(/ECEP_HJ212_MAX_DATA_TIME_AHEAD_S: expected a whole number ≥ 60, got "30"/);
    }
  });
});
