export { registerProjectRoutes } from './project.routes.js';
export { ProjectService, SHANXI_2014_PROJECT_TARGETS } from './project.service.js';
export { PROJECT_SHEET } from './project-excel.js';
export { OPERATING_STAGES, STARTED_STAGES, stageChangeRefusal } from './stage-rules.js';
