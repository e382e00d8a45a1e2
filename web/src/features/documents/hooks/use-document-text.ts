import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { isApiStatus, type QueryParams } from "../../../ui/api-client";
import {
  applyOfferedFields, deleteDocumentText, draftFromFile, fetchCitations, fetchCopyView, fetchDocumentText, recheckDocumentText, searchDocumentTexts, uploadDocumentText,
  type OfferedFields, type TextUpload,
} from "../api/document-text.api";

/** The text of a document; `data` is null when it has none (404). */
export function useDocumentText(id: number | null) {
  return useQuery({
    queryKey: ["documents", "text", id],
    queryFn: async ({ signal }) => {
      try {
        return await fetchDocumentText(id as number, signal);
      } catch (e) {
        if (isApiStatus(e, 404)) return null;
        throw e;
      }
    },
    enabled: id !== null,
  });
}

export function useCopyView(id: number | null) {
  return useQuery({ queryKey: ["documents", "copy", id], queryFn: ({ signal }) => fetchCopyView(id as number, signal), enabled: id !== null });
}

export function useCitations(id: number | null) {
  return useQuery({ queryKey: ["documents", "citations", id], queryFn: ({ signal }) => fetchCitations(id as number, signal), enabled: id !== null });
}

/** Text, check, citations, the register's shares and the sheet (D5) change together. */
function useInvalidateTexts() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ["documents"] });
    void client.invalidateQueries({ queryKey: ["indicators"] });
  };
}

export function useUploadText(id: number) {
  const invalidate = useInvalidateTexts();
  return useMutation({ mutationFn: (upload: TextUpload) => uploadDocumentText(id, upload), onSuccess: invalidate });
}

export function useDeleteText(id: number) {
  const invalidate = useInvalidateTexts();
  return useMutation({ mutationFn: () => deleteDocumentText(id), onSuccess: invalidate });
}

export function useRecheckText(id: number) {
  const invalidate = useInvalidateTexts();
  return useMutation({ mutationFn: () => recheckDocumentText(id), onSuccess: invalidate });
}

/** "Register from file": the file read into a draft of the form (nothing saved). */
export function useDraftFromFile() {
  return useMutation({ mutationFn: draftFromFile });
}

export function useTextSearch(query: QueryParams, enabled: boolean) {
  return useQuery({
    queryKey: ["documents", "search", query],
    queryFn: ({ signal }) => searchDocumentTexts(query, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useApplyOffered(id: number) {
  const invalidate = useInvalidateTexts();
  return useMutation({ mutationFn: (fields: OfferedFields) => applyOfferedFields(id, fields), onSuccess: invalidate });
}
