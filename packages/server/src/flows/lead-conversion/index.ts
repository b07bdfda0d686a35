// flows/lead-conversion: a lead → a customer (new, or the one dedup found) + a contact + an opportunity in one
// transaction, through the owners' functions; the lead keeps its history and campaign. Offers leadConversionRoutes
// (POST /leads/{id}/convert) and convertLead.
export { leadConversionRoutes } from './conversion.routes.js';
export { convertLead, type ConversionResult } from './conversion.flow.js';
