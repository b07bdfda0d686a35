// Thin HTTP for campaigns 市场活动: the tree and its roll-ups, members through the event flow, costs (idempotent money
// facts), and the return on a campaign. Marketers and admins write (campaigns: create / update); every other role reads
// the campaigns whose owner is in its data scope. Every route is tagged 'campaigns'.
import { z } from 'zod';
import {
  CampaignCostCreate, CampaignCostList, CampaignCostReverse, CampaignCostSchema, CampaignCreate, CampaignListQuery, CampaignMemberCreate,
  CampaignFunnelQuery, CampaignFunnelSchema, CampaignMemberPage, CampaignMemberQuery, CampaignMemberSchema, CampaignPage, CampaignRoiSchema, CampaignSchema, CampaignUpdate, IdSchema,
  MemberAction, Text, type MemberStatus,
} from '@l2c/shared';
import type { FastifyReply } from 'fastify';
import type { App } from '../../platform/http.js';
import type { Db } from '../../platform/db.js';
import { requireAuth, requirePermission } from '../../platform/auth.js';
import { todayFor } from '../../platform/clock.js';
import { campaignError } from './campaigns.errors.js';
import * as campaigns from './campaigns.service.js';
import * as members from './members.service.js';
import * as costs from './costs.service.js';

const tags = ['campaigns'];
const Params = z.object({ id: IdSchema });
const IdemHeaders = z.object({ 'idempotency-key': Text.max(200).optional() }).passthrough();
const canRead = requirePermission('campaigns', 'read');
const canCreate = requirePermission('campaigns', 'create');
const canUpdate = requirePermission('campaigns', 'update');

export type CampaignsDeps = members.MemberDeps;

function send<T>(reply: FastifyReply, stored: { statusCode: number; body: T; replayed: boolean }) {
  if (stored.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(stored.statusCode).send(stored.body);
}

export function campaignsRoutes(app: App, db: Db, deps: CampaignsDeps = {}) {
  app.get('/api/v1/campaigns', {
    schema: {
      operationId: 'listCampaigns', summary: 'List campaigns', tags, querystring: CampaignListQuery, response: { 200: CampaignPage },
      description: 'Campaigns in the caller\'s data scope (whoever sees the owner), latest start first, each with its own figures and its roll-up over its sub-campaigns. Filters: parentCampaignId (its children), roots=true (top level), status, type, ownerId, year, q (name or number).',
    },
    preHandler: canRead,
  }, async (req) => campaigns.listCampaigns(db, requireAuth(req), req.query));

  app.post('/api/v1/campaigns', {
    schema: {
      operationId: 'createCampaign', summary: 'Create a campaign', tags, body: CampaignCreate, response: { 201: CampaignSchema },
      errors: [campaignError.only('parent_not_found', 'currency_mismatch', 'bad_period')],
      description: 'A campaign, optionally under a parent (a sub-campaign is in its parent\'s currency). Owner: the caller unless ownerId names another user. Numbered HD-YYYY-NNNNNN.',
    },
    preHandler: canCreate,
  }, async (req, reply) => reply.code(201).send(await campaigns.createCampaign(db, requireAuth(req), req.body)));

  app.get('/api/v1/campaigns/funnel', {
    schema: {
      operationId: 'getMarketingFunnel', summary: 'The marketing funnel of a year', tags, querystring: CampaignFunnelQuery, response: { 200: CampaignFunnelSchema },
      description: 'The caller\'s campaigns (data scope) that ran in the year (default: this year), each counted once: members, check-ins, leads, MQL, converted, opportunities won, cost, won amount, cash collected, and the ROI of those sums. In the book currency. The marketer\'s home page.',
    },
    preHandler: canRead,
  }, async (req) => campaigns.marketingFunnel(db, requireAuth(req), req.query.year ?? Number(todayFor(requireAuth(req)).slice(0, 4))));

  app.get('/api/v1/campaigns/:id', {
    schema: { operationId: 'getCampaign', summary: 'Get a campaign with its figures', tags, params: Params, response: { 200: CampaignSchema }, errors: [campaignError.only('not_found')] },
    preHandler: canRead,
  }, async (req) => campaigns.getCampaign(db, requireAuth(req), req.params.id));

  app.patch('/api/v1/campaigns/:id', {
    schema: {
      operationId: 'updateCampaign', summary: 'Change a campaign', tags, params: Params, body: CampaignUpdate, response: { 200: CampaignSchema },
      errors: [campaignError.only('not_found', 'version_conflict', 'parent_not_found', 'parent_cycle', 'currency_mismatch', 'bad_period')],
      description: 'Name, type, status, dates, budget, owner, description, or its place in the tree (never under itself or its own sub-campaigns). Send the version you read. Audited field by field.',
    },
    preHandler: canUpdate,
  }, async (req) => campaigns.updateCampaign(db, requireAuth(req), req.params.id, req.body));

  app.get('/api/v1/campaigns/:id/roi', {
    schema: {
      operationId: 'getCampaignRoi', summary: 'The return on a campaign', tags, params: Params, response: { 200: CampaignRoiSchema }, errors: [campaignError.only('not_found')],
      description: campaigns.ROI_DEFINITION,
    },
    preHandler: canRead,
  }, async (req) => campaigns.campaignRoi(db, requireAuth(req), req.params.id));

  app.get('/api/v1/campaigns/:id/members', {
    schema: { operationId: 'listCampaignMembers', summary: 'List a campaign\'s members', tags, params: Params, querystring: CampaignMemberQuery, response: { 200: CampaignMemberPage }, errors: [campaignError.only('not_found')] },
    preHandler: canRead,
  }, async (req) => members.listMembers(db, requireAuth(req), req.params.id, req.query));

  app.post('/api/v1/campaigns/:id/members', {
    schema: {
      operationId: 'addCampaignMember', summary: 'Add a member to a campaign', tags, params: Params, body: CampaignMemberCreate, response: { 201: CampaignMemberSchema },
      errors: [campaignError.only('not_found', 'cancelled', 'bad_member', 'member_exists', 'lead_not_found', 'contact_not_found')],
      description: 'A lead, a contact, or a person by name with a phone or email. status (default planned) may start further along the event flow: a walk-in is added as checked_in, which makes the person a lead.',
    },
    preHandler: canUpdate,
  }, async (req, reply) => reply.code(201).send(await members.addMember(db, requireAuth(req), deps, req.params.id, req.body)));

  const step = (path: string, status: MemberStatus, operationId: string, summary: string, description: string) =>
    app.post(`/api/v1/campaign-members/:id/${path}`, {
      schema: {
        operationId, summary, tags, params: Params, body: MemberAction, response: { 200: CampaignMemberSchema }, description,
        errors: [campaignError.only('member_not_found', 'cancelled', 'backwards', 'version_conflict')],
      },
      preHandler: canUpdate,
    }, async (req) => members.advanceMember(db, requireAuth(req), deps, req.params.id, status, req.body.version));
  step('invite', 'invited', 'inviteCampaignMember', 'Invite a member', 'Planned → invited. The same step again changes nothing; a step back is refused.');
  step('register', 'registered', 'registerCampaignMember', 'Register a member', 'Planned or invited → registered.');
  step('check-in', 'checked_in', 'checkInCampaignMember', 'Check a member in',
    'Any earlier step → checked in. A person who is neither a lead nor a contact becomes a lead (source campaign, attributed to the campaign) in the same transaction; the check-in counts as a behaviour for lead scoring.');

  app.get('/api/v1/campaigns/:id/costs', {
    schema: { operationId: 'listCampaignCosts', summary: 'List a campaign\'s costs', tags, params: Params, response: { 200: CampaignCostList }, errors: [campaignError.only('not_found')] },
    preHandler: canRead,
  }, async (req) => costs.listCosts(db, requireAuth(req), req.params.id));

  app.post('/api/v1/campaigns/:id/costs', {
    schema: {
      operationId: 'addCampaignCost', summary: 'Record a campaign cost', tags, params: Params, headers: IdemHeaders, body: CampaignCostCreate, response: { 201: CampaignCostSchema },
      errors: [campaignError.only('not_found')],
      description: 'A cost fact in the campaign\'s currency; never changed afterwards (reverse it instead). Honours Idempotency-Key.',
    },
    preHandler: canUpdate,
  }, async (req, reply) => send(reply, await costs.addCost(db, requireAuth(req), req.params.id, req.body, req.headers['idempotency-key'])));

  app.post('/api/v1/campaign-costs/:id/reverse', {
    schema: {
      operationId: 'reverseCampaignCost', summary: 'Reverse a campaign cost', tags, params: Params, headers: IdemHeaders, body: CampaignCostReverse, response: { 201: CampaignCostSchema },
      errors: [campaignError.only('cost_not_found', 'cost_reversed', 'cost_is_reversal')],
      description: 'Books the negative of the cost (once). Honours Idempotency-Key.',
    },
    preHandler: canUpdate,
  }, async (req, reply) => send(reply, await costs.reverseCost(db, requireAuth(req), req.params.id, req.body.memo, req.headers['idempotency-key'])));
}
