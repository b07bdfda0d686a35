// visits: sales reps' visits (SFE) — plans, check-in and check-out with coordinates and the distance from the customer,
// structured visit records, the follow-up recorded through customers — and where customers are (customer_locations).
// It offers
// - visitsRoutes, and the services behind them (the demo calls them as a person would);
// - moveVisitRefsTx for merges (flows/merge); haversineMetres.
// It owns visits and customer_locations (tables.ts).
export { visitsRoutes } from './visits.routes.js';
export { moveVisitRefsTx, moveCustomerLocationTx, createVisit, checkIn, checkOut, setLocation } from './visits.service.js';
export { haversineMetres } from './geo.js';
