import { describe, expect, it } from 'vitest';
import { awaitingLevel, transition } from './report-workflow.js';

const inCounty = { enterpriseInCounty: true };
const ent = { role: 'enterprise_user' };
const county = { role: 'county_admin' };
const city = { role: 'city_admin' };
const province = { role: 'province_admin' };

describe('energy report workflow', () => {
  it('walks draft → submitted → county → city → province approval', () => {
    expect(transition({ status: 'draft', ...inCounty }, 'submit', ent)).toEqual({
      ok: true,
      to: 'submitted',
    });
    expect(transition({ status: 'submitted', ...inCounty }, 'approve', county)).toEqual({
      ok: true,
      to: 'county_approved',
    });
    expect(transition({ status: 'county_approved', ...inCounty }, 'approve', city)).toEqual({
      ok: true,
      to: 'city_approved',
    });
    expect(transition({ status: 'city_approved', ...inCounty }, 'approve', province)).toEqual({
      ok: true,
      to: 'approved',
    });
  });

  it('sends a report of an enterprise registered directly under a city to the city first', () => {
    const s = { status: 'submitted' as const, enterpriseInCounty: false };
    expect(awaitingLevel(s)).toBe('city');
    expect(transition(s, 'approve', city)).toEqual({ ok: true, to: 'city_approved' });
    expect(transition(s, 'approve', county)).toMatchObject({ ok: false, code: 'REPORT_NOT_YOUR_TURN' });
  });

  it('refuses an enterprise approving, a level skipping ahead, and a lower level acting after it approved', () => {
    expect(transition({ status: 'submitted', ...inCounty }, 'approve', ent)).toMatchObject({
      ok: false,
      code: 'REPORT_NOT_YOUR_TURN',
    });
    expect(transition({ status: 'submitted', ...inCounty }, 'approve', province)).toMatchObject({
      ok: false,
      code: 'REPORT_NOT_YOUR_TURN',
    });
    expect(transition({ status: 'city_approved', ...inCounty }, 'return', county)).toMatchObject({
      ok: false,
      code: 'REPORT_NOT_YOUR_TURN',
    });
  });

  it('lets the reviewer whose turn it is return the report, which the enterprise then edits and resubmits', () => {
    expect(transition({ status: 'county_approved', ...inCounty }, 'return', city)).toEqual({
      ok: true,
      to: 'returned',
    });
    expect(transition({ status: 'returned', ...inCounty }, 'edit', ent)).toEqual({
      ok: true,
      to: 'returned',
    });
    expect(transition({ status: 'returned', ...inCounty }, 'submit', ent)).toEqual({
      ok: true,
      to: 'submitted',
    });
  });

  it('locks a report under review against edits and allows only a correction once approved', () => {
    expect(transition({ status: 'submitted', ...inCounty }, 'edit', ent)).toMatchObject({
      ok: false,
      code: 'REPORT_NOT_YOUR_TURN',
    });
    expect(transition({ status: 'approved', ...inCounty }, 'edit', ent)).toMatchObject({
      ok: false,
      code: 'REPORT_ALREADY_APPROVED',
    });
    expect(transition({ status: 'approved', ...inCounty }, 'approve', province)).toMatchObject({
      ok: false,
      code: 'REPORT_ALREADY_APPROVED',
    });
    expect(transition({ status: 'approved', ...inCounty }, 'correct', ent)).toEqual({
      ok: true,
      to: 'submitted',
    });
    expect(transition({ status: 'draft', ...inCounty }, 'correct', ent)).toMatchObject({
      ok: false,
      code: 'REPORT_LOCKED',
    });
    expect(transition({ status: 'approved', ...inCounty }, 'correct', city)).toMatchObject({
      ok: false,
      code: 'REPORT_NOT_YOUR_TURN',
    });
  });
});
