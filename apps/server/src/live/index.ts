export { type LiveRouteOptions, registerLiveRoutes } from './live.routes.js';
export { LiveFeed, type LiveSink, LiveSubscription, liveEventsOf } from './live-feed.js';
export { MonitoringOverviewService } from './overview.service.js';
