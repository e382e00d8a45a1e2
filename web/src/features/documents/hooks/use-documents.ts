import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { QueryParams } from "../../../ui/api-client";
import { createDocument, deleteDocument, fetchDocument, fetchDocuments, updateDocument, type DocumentInput } from "../api/documents.api";

/** A page of the register; the previous page stays on screen while the next one loads. */
export function useDocumentList(query: QueryParams) {
  return useQuery({
    queryKey: ["documents", "list", query],
    queryFn: ({ signal }) => fetchDocuments(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: number | null) {
  return useQuery({
    queryKey: ["documents", "one", id],
    queryFn: ({ signal }) => fetchDocument(id as number, signal),
    enabled: id !== null,
  });
}

/** Create (id null) or update; afterwards registers and indicators are read again. */
export function useSaveDocument(id: number | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DocumentInput) => (id === null ? createDocument(body) : updateDocument(id, body)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["documents"] });
      void client.invalidateQueries({ queryKey: ["indicators"] });
    },
  });
}

export function useDeleteDocument() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteDocument,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["documents"] });
      void client.invalidateQueries({ queryKey: ["indicators"] });
    },
  });
}
