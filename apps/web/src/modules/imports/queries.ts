import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportMapping, ImportPreview, ImportResult, ImportUpload } from '@groeipad/contracts';
import { api, uploadFile, withQuery } from '../../app/api.ts';

export type ImportChoice = { mapping: ImportMapping; deactivateMissing: boolean };
export type ImportExpected = { create: number; update: number; deactivate: number };

/** Sends the file; `onProgress` gets the fraction sent (0..1). */
export function useUploadImport(onProgress: (fraction: number) => void) {
  return useMutation({
    mutationFn: (file: File) =>
      uploadFile<ImportUpload>(
        withQuery('/api/admin/imports', { filename: file.name.slice(0, 200) }),
        file,
        onProgress,
      ),
  });
}

/** The dry run: changes nothing. */
export function usePreviewImport() {
  return useMutation({
    mutationFn: ({ id, choice }: { id: string; choice: ImportChoice }) =>
      api.post<ImportPreview>(`/api/admin/imports/${id}/preview`, choice),
  });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, choice, expected }: { id: string; choice: ImportChoice; expected: ImportExpected }) =>
      api.post<ImportResult>(`/api/admin/imports/${id}/commit`, { ...choice, expected }),
    onSuccess: () => {
      // People, schools and teams may all have changed.
      void queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
  });
}
