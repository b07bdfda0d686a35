// Routes; every page is its own chunk (React.lazy), the shell is loaded up front.
import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './layout/AppLayout';

function page(Component: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={<div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>}>
      <Component />
    </Suspense>
  );
}

const LoginPage = lazy(() => import('./pages/LoginPage'));
const HomePage = lazy(() => import('./pages/HomePage'));
const CustomerListPage = lazy(() => import('./pages/customers/CustomerListPage'));
const CustomerNewPage = lazy(() => import('./pages/customers/CustomerNewPage'));
const CustomerDetailPage = lazy(() => import('./pages/customers/CustomerDetailPage'));
const CustomerEditPage = lazy(() => import('./pages/customers/CustomerEditPage'));
const PoolPage = lazy(() => import('./pages/PoolPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const TokensPage = lazy(() => import('./pages/TokensPage'));
const DataExportPage = lazy(() => import('./pages/DataExportPage'));
const CatalogPage = lazy(() => import('./pages/catalog/CatalogPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const ContractListPage = lazy(() => import('./pages/contracts/ContractListPage'));
const ContractEditPage = lazy(() => import('./pages/contracts/ContractEditPage'));
const ContractDetailPage = lazy(() => import('./pages/contracts/ContractDetailPage'));
const ApprovalInboxPage = lazy(() => import('./pages/approvals/ApprovalInboxPage'));
const ReceivableListPage = lazy(() => import('./pages/receivables/ReceivableListPage'));
const PaymentListPage = lazy(() => import('./pages/payments/PaymentListPage'));
const WriteOffWorkbenchPage = lazy(() => import('./pages/writeoff/WriteOffWorkbenchPage'));
const BankReconciliationPage = lazy(() => import('./pages/bank/BankReconciliationPage'));
const AgingDashboardPage = lazy(() => import('./pages/aging/AgingDashboardPage'));
const InvoicesPage = lazy(() => import('./pages/invoices/InvoicesPage'));
const DunningPage = lazy(() => import('./pages/dunning/DunningPage'));
const CampaignListPage = lazy(() => import('./pages/campaigns/CampaignListPage'));
const CampaignDetailPage = lazy(() => import('./pages/campaigns/CampaignDetailPage'));
const LeadListPage = lazy(() => import('./pages/leads/LeadListPage'));
const LeadDetailPage = lazy(() => import('./pages/leads/LeadDetailPage'));
const LeadPoolPage = lazy(() => import('./pages/leads/LeadPoolPage'));
const LeadFormsPage = lazy(() => import('./pages/leads/LeadFormsPage'));
const OpportunityListPage = lazy(() => import('./pages/opportunities/OpportunityListPage'));
const OpportunityDetailPage = lazy(() => import('./pages/opportunities/OpportunityDetailPage'));
const PipelinePage = lazy(() => import('./pages/opportunities/PipelinePage'));
const VisitsPage = lazy(() => import('./pages/visits/VisitsPage'));
const KeyAccountPage = lazy(() => import('./pages/visits/KeyAccountPage'));
const DedupPage = lazy(() => import('./pages/dedup/DedupPage'));
const MergePage = lazy(() => import('./pages/dedup/MergePage'));
const ScoringPage = lazy(() => import('./pages/scoring/ScoringPage'));
const AdminPage = lazy(() => import('./pages/admin/AdminPage'));
const QuoteListPage = lazy(() => import('./pages/quotes/QuoteListPage'));
const QuoteEditorPage = lazy(() => import('./pages/quotes/QuoteEditorPage'));
const PricingPage = lazy(() => import('./pages/pricing/PricingPage'));
const SetPasswordPage = lazy(() => import('./pages/admin/SetPasswordPage'));

export const router = createBrowserRouter([
  { path: '/login', element: page(LoginPage) },
  { path: '/set-password', element: page(SetPasswordPage) },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: page(HomePage) },
      { path: 'customers', element: page(CustomerListPage) },
      { path: 'customers/new', element: page(CustomerNewPage) },
      { path: 'customers/:id', element: page(CustomerDetailPage) },
      { path: 'customers/:id/edit', element: page(CustomerEditPage) },
      { path: 'pool', element: page(PoolPage) },
      { path: 'audit', element: page(AuditPage) },
      { path: 'settings/tokens', element: page(TokensPage) },
      { path: 'settings/export', element: page(DataExportPage) },
      { path: 'catalog', element: page(CatalogPage) },
      { path: 'contracts', element: page(ContractListPage) },
      { path: 'contracts/new', element: page(ContractEditPage) },
      { path: 'contracts/:id', element: page(ContractDetailPage) },
      { path: 'contracts/:id/edit', element: page(ContractEditPage) },
      { path: 'approvals', element: page(ApprovalInboxPage) },
      { path: 'receivables', element: page(ReceivableListPage) },
      { path: 'payments', element: page(PaymentListPage) },
      { path: 'write-off', element: page(WriteOffWorkbenchPage) },
      { path: 'bank', element: page(BankReconciliationPage) },
      { path: 'aging', element: page(AgingDashboardPage) },
      { path: 'invoices', element: page(InvoicesPage) },
      { path: 'dunning', element: page(DunningPage) },
      { path: 'campaigns', element: page(CampaignListPage) },
      { path: 'campaigns/:id', element: page(CampaignDetailPage) },
      { path: 'leads', element: page(LeadListPage) },
      { path: 'leads/:id', element: page(LeadDetailPage) },
      { path: 'lead-pool', element: page(LeadPoolPage) },
      { path: 'lead-forms', element: page(LeadFormsPage) },
      { path: 'opportunities', element: page(OpportunityListPage) },
      { path: 'opportunities/:id', element: page(OpportunityDetailPage) },
      { path: 'pipeline', element: page(PipelinePage) },
      { path: 'visits', element: page(VisitsPage) },
      { path: 'key-accounts/:id', element: page(KeyAccountPage) },
      { path: 'dedup', element: page(DedupPage) },
      { path: 'merge/:object/:masterId/:duplicateId', element: page(MergePage) },
      { path: 'scoring', element: page(ScoringPage) },
      { path: 'admin', element: page(AdminPage) },
      { path: 'quotes', element: page(QuoteListPage) },
      { path: 'quotes/new', element: page(QuoteEditorPage) },
      { path: 'quotes/:id', element: page(QuoteEditorPage) },
      { path: 'pricing', element: page(PricingPage) },
      { path: '*', element: page(NotFoundPage) },
    ],
  },
]);
