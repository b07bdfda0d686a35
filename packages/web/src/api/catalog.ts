// The catalog 产品目录: product lines, units, products (SPUs) and their SKU variants, bundles and their structure, the
// product managers, Excel import and export. Everyone reads what is sellable; writes are for admins and product
// managers (the server decides; `useCatalogAccess().canManage` only hides buttons).
import { useQuery } from '@tanstack/react-query';
import type {
  BundleSchema, BundleStructureInput, CatalogImportReport, CatalogManagersSchema, ConfigResultSchema, GenerateVariantsResult,
  ProductLineSchema, SkuSchema, SpuSchema, UnitSchema, BundleTree, Selection,
} from '@l2c/shared';
import { api, download } from './client';
import { useApiMutation, usePagedQuery, type ErrorHandling } from './query';
import type { Page } from './types';

type Out<S extends { parse: (value: unknown) => unknown }> = ReturnType<S['parse']>;
export type ProductLine = Out<typeof ProductLineSchema>;
export type CatalogUnit = Out<typeof UnitSchema>;
export type Spu = Out<typeof SpuSchema>;
export type Sku = Out<typeof SkuSchema>;
export type CatalogManagers = Out<typeof CatalogManagersSchema>;
export type ImportReport = Out<typeof CatalogImportReport>;
export type ConfigResult = Out<typeof ConfigResultSchema>;
export type { BundleTree, Selection };
export interface Bundle { version: number; tree: BundleTree }
export type BundleStructure = BundleStructureInput;
export interface SpuFields {
  code?: string; name: string; kind: Spu['kind']; productLineId: string | null; baseUnitId: string; taxRate: string; taxCode: string | null;
  description: string | null; attributes: Spu['attributes']; exclusions: Spu['exclusions']; units: Array<{ unitId: string; factor: string }>;
  sellable: { grades: string[] | null; channels: string[] | null; regions: string[] | null }; status: Spu['status']; version?: number;
}
export interface SkuFilters { q?: string; spuId?: string; productLineId?: string; kind?: string; status?: string; bundles?: 'true' | 'false'; grade?: string | null; region?: string | null; channel?: string | null }

const enc = encodeURIComponent;
const clean = (f: SkuFilters) => ({ ...f, grade: f.grade ?? undefined, region: f.region ?? undefined, channel: f.channel ?? undefined });

export const catalog = {
  productLines: () => api<{ items: ProductLine[] }>('/catalog/product-lines'),
  createProductLine: (body: { code: string; name: string }) => api<ProductLine>('/catalog/product-lines', { method: 'POST', body }),
  units: () => api<{ items: CatalogUnit[] }>('/catalog/units'),
  createUnit: (body: { code: string; name: string }) => api<CatalogUnit>('/catalog/units', { method: 'POST', body }),
  managers: () => api<CatalogManagers>('/catalog/managers'),
  setManagers: (userIds: string[]) => api<CatalogManagers>('/catalog/managers', { method: 'PUT', body: { userIds } }),
  spus: (q: { q?: string; productLineId?: string; kind?: string }, cursor?: string) => api<Page<Spu>>('/catalog/spus', { query: { ...q, cursor, limit: 50 } }),
  spu: (id: string) => api<Spu>(`/catalog/spus/${enc(id)}`),
  createSpu: (body: SpuFields) => api<Spu>('/catalog/spus', { method: 'POST', body }),
  updateSpu: (id: string, body: Partial<SpuFields> & { version: number }) => api<Spu>(`/catalog/spus/${enc(id)}`, { method: 'PATCH', body }),
  generate: (id: string, body: { version: number; listPrice: string; cost: string | null }) => api<Out<typeof GenerateVariantsResult>>(`/catalog/spus/${enc(id)}/generate-skus`, { method: 'POST', body }),
  skus: (f: SkuFilters, cursor?: string, limit = 50) => api<Page<Sku>>('/catalog/skus', { query: { ...clean(f), cursor, limit } }),
  sku: (id: string) => api<Sku>(`/catalog/skus/${enc(id)}`),
  createSku: (body: { spuId: string; code: string; name: string; listPrice: string; cost: string | null; isBundle: boolean }) => api<Sku>('/catalog/skus', { method: 'POST', body }),
  updateSku: (id: string, body: { version: number; name?: string; listPrice?: string; cost?: string | null; status?: Sku['status']; isBundle?: boolean }) =>
    api<Sku>(`/catalog/skus/${enc(id)}`, { method: 'PATCH', body }),
  bundle: (id: string) => api<Bundle>(`/catalog/bundles/${enc(id)}`),
  saveBundle: (id: string, body: BundleStructure) => api<Bundle>(`/catalog/bundles/${enc(id)}`, { method: 'PUT', body }),
  configure: (id: string, selection: Selection) => api<ConfigResult>(`/catalog/bundles/${enc(id)}/configure`, { method: 'POST', body: { selection } }),
  exportXlsx: (lang: 'zh' | 'en') => download('/catalog/export.xlsx', { lang }, 'catalog.xlsx'),
  importXlsx: async (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api<ImportReport>('/catalog/import', { method: 'POST', body: form });
  },
};

export const catalogKeys = {
  all: ['catalog'] as const,
  productLines: () => ['catalog', 'product-lines'] as const,
  units: () => ['catalog', 'units'] as const,
  managers: () => ['catalog', 'managers'] as const,
  spus: (q: Record<string, string | undefined>) => ['catalog', 'spus', q] as const,
  spu: (id: string) => ['catalog', 'spu', id] as const,
  skus: (f: SkuFilters) => ['catalog', 'skus', f] as const,
  bundle: (id: string) => ['catalog', 'bundles', id] as const,
};

export function useProductLines() {
  return useQuery({ queryKey: catalogKeys.productLines(), queryFn: catalog.productLines, staleTime: 60_000 });
}
export function useCatalogUnits() {
  return useQuery({ queryKey: catalogKeys.units(), queryFn: catalog.units, staleTime: 60_000 });
}
/** Whether the caller may change the catalog (admin or product manager), and who the product managers are. */
export function useCatalogAccess() {
  return useQuery({ queryKey: catalogKeys.managers(), queryFn: catalog.managers, staleTime: 60_000 });
}
export function useSpuList(q: { q?: string; productLineId?: string; kind?: string }) {
  return usePagedQuery(catalogKeys.spus(q), (cursor) => catalog.spus(q, cursor));
}
export function useSpu(id: string | null) {
  return useQuery({ queryKey: catalogKeys.spu(id ?? ''), queryFn: () => catalog.spu(id!), enabled: !!id });
}
export function useSkuList(f: SkuFilters, options: { enabled?: boolean } = {}) {
  return usePagedQuery(catalogKeys.skus(f), (cursor) => catalog.skus(f, cursor), options);
}
/** The picker's search: the first 20 sellable SKUs matching the text, for a customer's grade / region when known. */
export function useSkuSearch(f: SkuFilters) {
  return useQuery({ queryKey: [...catalogKeys.skus(f), 'search'], queryFn: () => catalog.skus(f, undefined, 20), staleTime: 30_000 });
}
export function useBundle(id: string | null) {
  return useQuery({ queryKey: catalogKeys.bundle(id ?? ''), queryFn: () => catalog.bundle(id!), enabled: !!id });
}

const all = () => [catalogKeys.all] as const;
export function useCreateProductLine(h?: ErrorHandling) {
  return useApiMutation({ mutationFn: catalog.createProductLine, invalidates: all }, h);
}
export function useCreateUnit(h?: ErrorHandling) {
  return useApiMutation({ mutationFn: catalog.createUnit, invalidates: all }, h);
}
export function useSetCatalogManagers(h?: ErrorHandling) {
  return useApiMutation({ mutationFn: catalog.setManagers, invalidates: all }, h);
}
export function useSaveSpu(h?: ErrorHandling<{ id: string | null; body: SpuFields }>) {
  return useApiMutation({
    mutationFn: ({ id, body }: { id: string | null; body: SpuFields }) => (id ? catalog.updateSpu(id, { ...body, version: body.version! }) : catalog.createSpu(body)),
    invalidates: all,
  }, h);
}
export function useGenerateSkus(h?: ErrorHandling) {
  return useApiMutation({ mutationFn: ({ id, ...body }: { id: string; version: number; listPrice: string; cost: string | null }) => catalog.generate(id, body), invalidates: all }, h);
}
export function useCreateSku(h?: ErrorHandling) {
  return useApiMutation({ mutationFn: catalog.createSku, invalidates: all }, h);
}
export function useUpdateSku(h?: ErrorHandling) {
  return useApiMutation({ mutationFn: ({ id, ...body }: { id: string } & Parameters<typeof catalog.updateSku>[1]) => catalog.updateSku(id, body), invalidates: all }, h);
}
export function useSaveBundle(h?: ErrorHandling) {
  return useApiMutation({ mutationFn: ({ id, body }: { id: string; body: BundleStructure }) => catalog.saveBundle(id, body), invalidates: all }, h);
}
export function useImportCatalog(h?: ErrorHandling) {
  return useApiMutation({ mutationFn: catalog.importXlsx, invalidates: all }, h);
}
