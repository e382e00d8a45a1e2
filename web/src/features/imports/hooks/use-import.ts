import { useEffect, useRef, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../../ui/api-client";
import { fetchImportJob, startImport, type ImportJob, type ImportKind } from "../api/imports.api";

/** Where an import stands while the page waits: the upload, then the server's work. */
export type ImportStage =
  | { stage: "idle" }
  | { stage: "uploading"; fraction: number }
  /** `job` null until the first poll answers */
  | { stage: "processing"; job: ImportJob | null };

const POLL_INTERVAL_MS = 400;
/** Polls that may fail in a row (network) before the page gives up; the import goes on anyway. */
const MAX_POLL_FAILURES = 5;

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(new DOMException("Đã hủy", "AbortError"));
    }, { once: true });
  });
}

/** Polls the job until it has succeeded or failed, handing every running state to `onRunning`. */
async function pollUntilDone(jobId: number, signal: AbortSignal, onRunning: (job: ImportJob) => void): Promise<ImportJob> {
  let failures = 0;
  for (;;) {
    try {
      const job = await fetchImportJob(jobId, signal);
      failures = 0;
      if (job.status !== "running") return job;
      onRunning(job);
    } catch (error) {
      const isNetwork = error instanceof ApiError && error.status === 0;
      if (signal.aborted || !isNetwork || (failures += 1) >= MAX_POLL_FAILURES) throw error;
    }
    await pause(POLL_INTERVAL_MS, signal);
  }
}

/** Upload with progress, then the server's progress until the job ends; the result is the final
 * job (succeeded, or failed with its bad rows). A success makes every register and indicator be
 * read again. */
export function useImport() {
  const client = useQueryClient();
  const [stage, setStage] = useState<ImportStage>({ stage: "idle" });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const mutation = useMutation({
    mutationFn: async ({ kind, file }: { kind: ImportKind; file: File }) => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      setStage({ stage: "uploading", fraction: 0 });
      const { jobId } = await startImport(kind, file, (fraction) => setStage({ stage: "uploading", fraction }), controller.signal);
      setStage({ stage: "processing", job: null });
      return pollUntilDone(jobId, controller.signal, (job) => setStage({ stage: "processing", job }));
    },
    onSuccess: (job, { kind }) => {
      if (job.status !== "succeeded") return;
      void client.invalidateQueries({ queryKey: ["indicators"] });
      void client.invalidateQueries({ queryKey: ["documents"] });
      void client.invalidateQueries({ queryKey: ["meetings"] });
      if (kind === "orgs") void client.invalidateQueries({ queryKey: ["orgs"] });
    },
    onSettled: () => setStage({ stage: "idle" }),
  });
  return { ...mutation, stage };
}
