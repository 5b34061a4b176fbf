export { type BalancedQuantities, type BalanceInput, balanceEntry, ROUTE_KEYS } from './balance.js';
export { registerLedgerRoutes } from './ledger.routes.js';
export { LedgerService } from './ledger.service.js';
export { LEDGER_SHEET } from './ledger-excel.js';
export { NATIONAL_UTILIZATION_BASES, SHANXI_SOLID_WASTE_TARGETS, SOLID_WASTE_TYPES } from './waste-types.js';
