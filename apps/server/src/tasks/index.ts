export { type PlanTaskInput, upsertPlanTasks } from './plan-tasks.js';
export { registerTaskRoutes } from './task.routes.js';
export { TaskService } from './task.service.js';
export { TASK_LIST_SHEET, TASK_REPORT_SHEET } from './task-excel.js';
export { DEFAULT_DUE_SOON_DAYS, taskStatus } from './task-status.js';
