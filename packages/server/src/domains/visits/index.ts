// visits: sales reps' visits (SFE) — plans, check-in and check-out with coordinates and the distance from the customer,
// structured visit records, a follow-up through customers — and where customers are (customer_locations). It offers
// - visitsRoutes.
// It owns visits and customer_locations (tables.ts).
export {};
