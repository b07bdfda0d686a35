// The tenant's data export (admins): GET /exports/tenant streams a zip of every table as CSV with a manifest. The
// download is read here chunk by chunk so the page can show progress: the server announces the rows to come in
// X-L2C-Export-Rows (the zip has no length until it is finished), and we count the bytes received.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { request, saveBlob } from './client';

export interface ExportProgress { bytes: number; rows: number | null; done: boolean }

export const exportsApi = {
  /** Download the tenant export, reporting progress; resolves with the file once complete. */
  tenant: async (onProgress: (p: ExportProgress) => void, signal?: AbortSignal): Promise<{ blob: Blob; name: string }> => {
    const res = await request('/exports/tenant', { headers: { Accept: 'application/zip' }, signal });
    const rows = Number(res.headers.get('X-L2C-Export-Rows')) || null;
    const disposition = res.headers.get('Content-Disposition') ?? '';
    const name = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? 'l2c-tenant-export.zip';
    const chunks: BlobPart[] = [];
    let bytes = 0;
    onProgress({ bytes, rows, done: false });
    const reader = res.body?.getReader();
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        onProgress({ bytes, rows, done: false });
      }
    } else {
      chunks.push(await res.blob());
    }
    onProgress({ bytes, rows, done: true });
    return { blob: new Blob(chunks, { type: 'application/zip' }), name };
  },
};

/** Start the export and save it as a file; `progress` follows the download. */
export function useTenantExport() {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const mutation = useMutation({
    mutationFn: async () => {
      setProgress({ bytes: 0, rows: null, done: false });
      const file = await exportsApi.tenant(setProgress);
      saveBlob(file.blob, file.name);
      return file.name;
    },
  });
  return { ...mutation, progress };
}
