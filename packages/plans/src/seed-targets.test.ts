import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPlanFile } from './load-plan-file.js';
import type { Plan, PlanTarget } from './plan-schema.js';

const PLANS = fileURLToPath(new URL('../../../plans/', import.meta.url));

/**
 * Every quantified target of each seed, read off the seed text by hand (not from the YAML):
 * [code, target year, expected numbers, scope when not the plan's own]. `v` = value, `max` = upper end of a
 * range, `pct` = signed change versus the base, `yr` = annual change, `base` = base value.
 */
type Expect = { v?: number; max?: number; pct?: number; yr?: number; base?: number; baseYear?: number };
type Row = [code: string, year: number, expect: Expect, scope?: string | string[]];

const SEEDS: Record<string, { file: string; scope: string; rows: Row[] }> = {
  '002 Shanxi 2012 12th-FYP energy-saving and emission-reduction plan': {
    file: 'shanxi-2012-energy-saving-emission-reduction.yaml',
    scope: '140000',
    rows: [
      ['energy_intensity', 2015, { base: 2.24, baseYear: 2010, v: 1.877, pct: -16, yr: -3.5 }],
      ['energy_saving_amount', 2015, { v: 4750 }],
      ['co2_intensity', 2015, { pct: -17, yr: -3.7, baseYear: 2010 }],
      ['cod_total', 2015, { base: 50.7, v: 45.8, pct: -9.6 }],
      ['cod_industrial_domestic', 2015, { pct: -10.6 }],
      ['nh3n_total', 2015, { base: 5.93, v: 5.21, pct: -12.2 }],
      ['nh3n_industrial_domestic', 2015, { pct: -12.4 }],
      ['so2_total', 2015, { base: 143.8, v: 127.6, pct: -11.3 }],
      ['nox_total', 2015, { base: 124.1, v: 106.9, pct: -13.9 }],
      ['smoke_total', 2015, { base: 77.68, v: 69.91, pct: -10 }],
      ['industrial_dust_total', 2015, { base: 39.14, v: 35.23, pct: -10 }],
      ['traditional_industry_modernization_rate', 2015, { v: 75 }],
      ['steel_group_production_scale', 2015, { v: 4000 }],
      ['independent_coking_enterprises', 2015, { v: 60 }],
      ['coking_capacity', 2015, { v: 1.2 }],
      ['coal_output', 2015, { v: 10 }],
      ['large_coal_group_output_share', 2015, { v: 80 }],
      ['coal_conversion_rate', 2015, { v: 40 }],
      ['coal_industry_sales_revenue', 2015, { v: 10000 }],
      ['coal_industry_value_added', 2015, { v: 4500 }],
      ['coal_enterprise_noncoal_revenue_ratio', 2015, { v: 1 }],
      ['services_value_added_share', 2015, { v: 40 }],
      ['emerging_industry_pilot_projects', 2015, { v: 100 }],
      ['emerging_industry_leading_enterprises', 2015, { v: 50 }],
      ['emerging_industry_parks', 2015, { v: 10 }],
      ['emerging_industry_value_added_share', 2015, { v: 7, max: 8 }],
      ['gas_supply_total', 2015, { v: 150 }],
      ['gas_covered_counties', 2015, { v: 119 }],
      ['new_energy_share_of_primary_production', 2015, { v: 3 }],
      ['non_fossil_energy_share', 2015, { v: 2.5 }],
      ['industrial_boiler_efficiency', 2015, { pct: 5 }],
      ['industrial_kiln_efficiency', 2015, { pct: 2 }],
      ['motor_system_efficiency', 2015, { pct: 2 }],
      ['waste_heat_power_capacity_added', 2015, { v: 100 }],
      ['biogas_households_added', 2015, { v: 10 }],
      ['biogas_usage_rate', 2015, { v: 80 }],
      ['biogas_residue_usage_rate', 2015, { v: 90 }],
      ['biogas_circular_agriculture_area', 2015, { v: 100 }],
      ['biomass_stove_households', 2015, { v: 10 }],
      ['efficient_kang_households', 2015, { v: 25 }],
      ['existing_building_heat_metering_retrofit', 2013, { v: 2000 }],
      ['new_building_standard_compliance_design', 2015, { v: 100 }],
      ['new_building_standard_compliance_construction', 2015, { v: 99 }],
      ['new_building_renewable_area_share', 2015, { v: 40 }],
      ['energy_efficient_building_area_added', 2015, { v: 1.2, max: 1.5 }],
      ['renewable_building_area_added', 2015, { v: 5000 }],
      ['building_renewable_energy_share', 2015, { v: 10 }],
      ['road_vehicle_energy_intensity', 2015, { pct: -10, baseYear: 2005 }],
      ['passenger_vehicle_energy_intensity', 2015, { pct: -6, baseYear: 2005 }],
      ['freight_vehicle_energy_intensity', 2015, { pct: -12, baseYear: 2005 }],
      ['road_vehicle_co2_intensity', 2015, { pct: -11, baseYear: 2005 }],
      ['passenger_vehicle_co2_intensity', 2015, { pct: -7, baseYear: 2005 }],
      ['freight_vehicle_co2_intensity', 2015, { pct: -13, baseYear: 2005 }],
      ['commerce_energy_per_revenue', 2015, { pct: -15 }],
      ['catering_lodging_electricity_per_revenue', 2015, { pct: -10 }],
      ['catering_lodging_water_per_revenue', 2015, { pct: -10 }],
      ['public_building_retrofit_area', 2015, { v: 500 }],
      ['public_institution_heat_metering_retrofit', 2015, { v: 1000 }],
      ['public_institution_emc_pilots', 2015, { v: 100 }],
      ['public_institution_energy_per_capita', 2015, { pct: -15, baseYear: 2010 }],
      ['public_institution_energy_per_area', 2015, { pct: -12, baseYear: 2010 }],
      ['efficient_lighting_products', 2015, { v: 3000 }],
      ['county_air_quality_grade2_share', 2015, { v: 85 }],
      ['industrial_cod_intensity', 2015, { pct: -50 }],
      ['industrial_nh3n_intensity', 2015, { pct: -50 }],
      ['demo_village_waste_treatment_rate', 2015, { v: 90 }],
      ['demo_village_straw_utilization_rate', 2015, { v: 90 }],
      ['livestock_farm_waste_facility_share', 2015, { v: 60 }],
      ['rural_clean_demo_villages', 2015, { v: 500 }],
      ['livestock_discharge_monitoring_sites', 2015, { v: 1000 }],
      ['town_sewage_facilities', 2015, { v: 30 }],
      ['urban_sewage_treatment_rate', 2015, { v: 85 }],
      ['county_sewage_treatment_rate', 2015, { v: 70 }],
      ['reclaimed_water_reuse_rate', 2015, { v: 15 }],
      ['sinter_desulfurization_efficiency', 2015, { v: 80 }],
      ['so2_per_tonne_steel', 2015, { v: 1.8 }],
      ['coke_oven_gas_h2s', 2015, { v: 50 }],
      ['vehicle_emission_standard_stage', 2011, { v: 4 }],
      ['vehicle_emission_standard_stage', 2015, { v: 5 }, '140100'],
      ['clean_production_audit_rate', 2015, { v: 90 }],
      ['bulk_solid_waste_utilization_rate', 2015, { v: 65 }],
      ['community_recycling_point_share', 2015, { v: 90 }],
      ['recycling_workers_regulated_share', 2015, { v: 90 }],
      ['renewable_resource_recovery_rate', 2015, { v: 90 }],
      ['water_use_per_gdp', 2015, { pct: -30 }],
    ],
  },
  '000 Shanxi 2014 industrial energy-saving & environmental industry plan with three 2014 plans': {
    file: 'shanxi-2014-industrial-energy-saving-environmental-industry.yaml',
    scope: '140000',
    rows: [
      ['eep_industry_output', 2015, { v: 1000, yr: 20 }],
      ['energy_intensity', 2015, { v: 1.53 }],
      ['industrial_solid_waste_utilization_rate', 2015, { v: 65 }],
      ['eep_enterprises_over_1bn', 2015, { v: 20 }],
      ['energy_service_output', 2015, { yr: 30 }],
      ['energy_service_companies_over_100m', 2015, { v: 10 }],
      ['energy_saving_local_standards', 2015, { v: 50 }],
      ['energy_saving_retrofit_projects', 2015, { v: 100 }],
      ['resource_utilization_key_projects', 2015, { v: 200 }],
      ['coal_gangue_utilization_rate', 2015, { v: 65 }],
      ['fly_ash_utilization_rate', 2015, { v: 80 }],
      ['power_boiler_denitrification_share', 2015, { v: 100 }],
      ['two_type_demo_parks', 2015, { v: 10 }],
      ['mine_water_reuse_rate', 2015, { v: 80 }],
      ['coking_wastewater_reuse_rate', 2015, { v: 100 }],
      ['vam_power_adoption_rate', 2015, { v: 40 }],
      ['low_temp_waste_heat_generator_units', 2015, { v: 2000 }],
      ['low_temp_waste_heat_generator_capacity', 2015, { v: 300 }],
      ['efficient_product_key_enterprises', 2014, { v: 50 }],
      ['efficient_product_categories', 2014, { v: 6 }],
      ['efficient_product_output', 2014, { v: 70 }],
      ['efficient_pump_sales', 2014, { v: 10 }],
      ['efficient_fan_sales', 2014, { v: 12 }],
      ['efficient_transformer_sales', 2014, { v: 15 }],
      ['led_product_sales', 2014, { v: 15 }],
      ['pv_battery_product_sales', 2014, { v: 10 }],
      ['energy_saving_building_material_sales', 2014, { v: 8 }],
      ['energy_saving_technologies_introduced', 2014, { v: 20 }],
      ['own_energy_saving_technologies', 2014, { v: 10 }],
      ['energy_saving_retrofit_projects', 2014, { v: 100 }],
      ['energy_saving_retrofit_project_pipeline', 2015, { v: 1000 }],
      ['energy_service_companies_over_10m', 2014, { v: 20 }],
      ['energy_service_industry_scale', 2014, { v: 40 }],
      ['emc_reward_per_tce', 2014, { v: 400 }],
      ['clean_production_key_enterprises', 2014, { v: 100 }],
      ['resource_clean_production_key_projects', 2014, { v: 217 }],
      ['key_projects_started_share', 2014, { v: 90 }],
      ['key_projects_in_operation_share', 2014, { v: 40 }],
      ['national_solid_waste_demo_bases', 2014, { v: 1 }],
      ['two_type_demo_parks', 2014, { v: 10 }],
      ['resource_utilization_key_technologies', 2014, { v: 9 }],
      ['electric_bus_capacity', 2014, { v: 1000 }],
      ['electric_special_vehicle_capacity', 2014, { v: 500 }],
      ['li_ion_battery_capacity', 2014, { v: 1 }],
      ['vam_power_demo_projects', 2014, { v: 2, max: 3 }],
      ['methanol_vehicles_in_operation', 2014, { v: 6 }],
      ['wind_equipment_sales', 2014, { v: 35 }],
      ['efficient_boiler_sales', 2014, { v: 45 }],
      ['efficient_motor_sales', 2014, { v: 50 }],
      ['low_temp_waste_heat_generator_units', 2014, { v: 2000 }],
      ['low_temp_waste_heat_generator_capacity', 2014, { v: 300 }],
      ['cbm_power_equipment_sales', 2014, { v: 0.5 }],
      ['equipment_leading_products', 2014, { v: 8 }],
      ['equipment_assembly_core_enterprises', 2014, { v: 16 }],
      ['equipment_component_enterprises', 2014, { v: 20 }],
      ['equipment_key_technologies', 2014, { v: 9 }],
      ['equipment_retrofit_projects', 2014, { v: 22 }],
    ],
  },
  '001 Shanxi 2020 energy-saving and resource-utilisation plan': {
    file: 'shanxi-2020-energy-saving-resource-utilization.yaml',
    scope: '140000',
    rows: [
      ['bulk_solid_waste_utilization', 2020, { v: 10000 }],
      ['coal_gangue_utilization', 2020, { v: 6500 }],
      ['fly_ash_utilization', 2020, { v: 2100 }],
      ['fgd_gypsum_utilization', 2020, { v: 400 }],
      ['smelting_slag_utilization', 2020, { v: 1000 }],
      ['national_resource_utilization_bases', 2020, { v: 3 }],
      ['energy_resource_key_projects', 2020, { v: 100 }],
      ['second_life_battery_base_stations', 2020, { v: 5000 }],
      ['second_life_battery_packs', 2020, { v: 7000 }],
      ['energy_diagnosis_enterprises', 2020, { v: 30 }],
      ['energy_inspection_enterprises', 2020, { v: 27 }],
    ],
  },
  '003 MIIT 2014 industrial green-development action': {
    file: 'miit-2014-industrial-green-development.yaml',
    scope: '100000',
    rows: [
      ...(['so2_reduction', 'nox_reduction', 'smoke_dust_reduction', 'voc_reduction'] as const).map(
        (code, i): Row => [
          code,
          2014,
          { v: [5, 4, 3, 1][i] },
          ['110000', '120000', '130000', '140000', '150000', '370000'],
        ],
      ),
      ['green_transformation_pilot_cities', 2014, { v: 5 }],
      ['motor_system_energy_saving_capacity', 2014, { v: 1 }],
      ['pilot_energy_saving_technologies', 2014, { v: 5, max: 10 }],
      ['efficient_motor_production_demos', 2014, { v: 10, max: 15 }],
      ['motor_material_equipment_demos', 2014, { v: 2, max: 3 }],
      ['motor_remanufacturing_demos', 2014, { v: 2, max: 3 }],
      ['coal_clean_use_demos', 2014, { v: 3, max: 5 }],
      ['motor_system_technologies_promoted', 2014, { v: 5, max: 10 }],
    ],
  },
  '004 Gansu 2018 energy-saving & environmental industry plan': {
    file: 'gansu-2018-energy-saving-environmental-industry.yaml',
    scope: '620000',
    rows: [
      ['eep_industry_output', 2020, { v: 1000, pct: 100, baseYear: 2015 }],
      ['eep_industry_output', 2025, { v: 2000, pct: 100, base: 1000, baseYear: 2020 }],
      ['eep_value_added_share', 2020, { v: 3 }],
      ['eep_value_added_share', 2025, { v: 5 }],
      ['eep_backbone_enterprises', 2025, { v: 20 }],
      ['eep_industry_clusters', 2025, { v: 2, max: 3 }],
      ['energy_equipment_innovative_enterprises', 2020, { v: 3, max: 5 }],
      ['energy_equipment_industry_chains', 2025, { v: 3 }],
      ['energy_equipment_flagship_products', 2025, { v: 1, max: 2 }],
      ['energy_online_monitoring_platform', 2019, { v: 1 }],
      ['energy_service_leading_enterprises', 2020, { v: 2, max: 3 }],
      ['env_equipment_leading_enterprises', 2020, { v: 1, max: 2 }],
      ['env_equipment_industry_chains', 2025, { v: 4 }],
      ['env_equipment_innovative_enterprises', 2020, { v: 1, max: 2 }],
      ['env_equipment_flagship_products', 2025, { v: 3, max: 5 }],
      ['env_consulting_leading_enterprises', 2020, { v: 1, max: 2 }],
      ['resource_equipment_innovative_enterprises', 2020, { v: 5, max: 8 }],
      ['resource_equipment_leading_enterprises', 2020, { v: 1, max: 2 }],
      ['resource_equipment_innovative_enterprises', 2025, { v: 10, max: 15 }],
      ['resource_equipment_leading_enterprises', 2025, { v: 3, max: 5 }],
      ['waste_harmless_treatment_coverage', 2019, { v: 100 }],
      ['bulk_solid_waste_utilization_rate', 2020, { v: 73 }],
      ['bulk_solid_waste_utilization_rate', 2025, { v: 80 }],
      ['resource_recycling_bases', 2025, { v: 3 }],
      ['recycling_pilot_clusters', 2019, { v: 1, max: 2 }],
      ['mine_three_rates_compliance', 2020, { v: 90 }],
    ],
  },
};

const sameScope = (a: PlanTarget['scope'], b: string | string[]) =>
  JSON.stringify(Array.isArray(a) ? a : [a]) === JSON.stringify(Array.isArray(b) ? b : [b]);

async function load(file: string): Promise<Plan> {
  const r = await loadPlanFile(`${PLANS}${file}`);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.column} ${e.path} ${e.message}`).join('\n'));
  return r.plan;
}

describe('every quantified target of each seed is in its plan file', () => {
  for (const [seed, { file, scope, rows }] of Object.entries(SEEDS)) {
    it(`holds the ${rows.length} targets of ${seed} with the seed's numbers and nothing unlisted`, async () => {
      const plan = await load(file);
      for (const [code, year, e, rowScope] of rows) {
        const where = `${code} ${year}`;
        const found = plan.targets.filter(
          (t) => t.code === code && t.target.year === year && sameScope(t.scope, rowScope ?? scope),
        );
        expect(found, where).toHaveLength(1);
        const t = found[0] as PlanTarget;
        if (e.v !== undefined) expect(t.target.value, where).toBe(e.v);
        if (e.max !== undefined) expect(t.target.valueMax, where).toBe(e.max);
        if (e.pct !== undefined) expect(t.target.changePct, where).toBe(e.pct);
        if (e.yr !== undefined) expect(t.target.annualChangePct, where).toBe(e.yr);
        if (e.base !== undefined) expect(t.base?.value, where).toBe(e.base);
        if (e.baseYear !== undefined) expect(t.base?.year, where).toBe(e.baseYear);
      }
      expect(plan.targets).toHaveLength(rows.length);
    });
  }

  it('records the 2.24 versus 2.235 energy-intensity base of the Shanxi 2012 plan and uses 2.235', async () => {
    const plan = await load('shanxi-2012-energy-saving-emission-reduction.yaml');
    const t = plan.targets.find((x) => x.code === 'energy_intensity');
    expect(t?.priceBase).toBe('2005');
    expect(t?.inconsistency).toMatchObject({
      field: 'base.value',
      stated: 2.24,
      implied: 2.235,
      used: 2.235,
    });
  });

  it('keeps the 217 Shanxi 2014 key projects with their five categories', async () => {
    const plan = await load('shanxi-2014-industrial-energy-saving-environmental-industry.yaml');
    const group = plan.projects?.[0];
    expect(group?.total).toBe(217);
    expect(group?.categories.map((c) => c.count)).toEqual([109, 21, 43, 12, 32]);
    expect(group?.categories[0]?.outputs[0]).toMatchObject({ value: 3060, unit: '10k t/a' });
    expect(plan.programmes).toHaveLength(22);
  });

  it('gives every Gansu key task its lead and cooperating units and yearly milestones', async () => {
    const plan = await load('gansu-2018-energy-saving-environmental-industry.yaml');
    const keyTasks = plan.tasks.filter((t) => t.id.startsWith('t'));
    expect(keyTasks).toHaveLength(10);
    for (const t of keyTasks) {
      expect(t.leadUnits.length, t.id).toBeGreaterThan(0);
      expect(t.cooperatingUnits.length, t.id).toBeGreaterThan(0);
      expect(t.milestones?.length, t.id).toBeGreaterThan(1);
    }
    const platform = plan.tasks.find((t) => t.id === 't03-energy-services');
    expect(platform?.leadUnits).toEqual(['省发展改革委']);
    expect(platform?.milestones?.[1]).toMatchObject({ deadline: '2019-12-31' });
  });

  it('dates the MIIT schedule by quarter end', async () => {
    const plan = await load('miit-2014-industrial-green-development.yaml');
    expect(plan.tasks.map((t) => t.deadline)).toEqual([
      '2014-03-31',
      '2014-03-31',
      '2014-03-31',
      '2014-03-31',
      '2014-03-31',
      '2014-09-30',
      '2014-09-30',
      '2014-12-31',
    ]);
    expect(plan.tasks.find((t) => t.id === 'motor-standard-audit')?.cooperatingUnits).toEqual(['质检总局']);
  });
});
