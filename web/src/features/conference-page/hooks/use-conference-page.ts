import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  deletePaper, fetchConclusions, fetchConference, fetchPapers, markPapersSent, recordConclusions, uploadPaper, type ConclusionsInput,
} from "../api/conference-page.api";

const key = (id: number) => ["conference-page", id] as const;

export function useConference(id: number | null) {
  return useQuery({ queryKey: [...key(id ?? 0), "facts"], queryFn: ({ signal }) => fetchConference(id as number, signal), enabled: id !== null });
}

export function usePapers(id: number | null) {
  return useQuery({ queryKey: [...key(id ?? 0), "papers"], queryFn: ({ signal }) => fetchPapers(id as number, signal), enabled: id !== null });
}

export function useConclusions(id: number | null) {
  // progress is reported on the task pages: read it afresh whenever the page is opened
  return useQuery({ queryKey: [...key(id ?? 0), "conclusions"], queryFn: ({ signal }) => fetchConclusions(id as number, signal), enabled: id !== null, staleTime: 0 });
}

/** After a change: this page, the register (its findings) and the plans (a notice is a plan). */
function useRefresh(id: number) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: key(id) });
    void client.invalidateQueries({ queryKey: ["meetings"] });
  };
}

export function useUploadPaper(id: number) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: ({ file, title }: { file: File; title: string }) => uploadPaper(id, file, title), onSuccess: refresh });
}

export function useDeletePaper(id: number) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: (paperId: number) => deletePaper(id, paperId), onSuccess: refresh });
}

export function useMarkPapersSent(id: number) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: (sentAt: string | null) => markPapersSent(id, sentAt), onSuccess: refresh });
}

export function useRecordConclusions(id: number) {
  const refresh = useRefresh(id);
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ConclusionsInput) => recordConclusions(id, body),
    onSuccess: () => {
      refresh();
      void client.invalidateQueries({ queryKey: ["plans"] });
      void client.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
}
