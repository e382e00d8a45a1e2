import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { uploadImport, type ImportKind } from "../api/imports.api";

/** Upload with progress; a success makes every register and indicator be read again. */
export function useImport() {
  const client = useQueryClient();
  const [progress, setProgress] = useState(0);
  const mutation = useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) => {
      setProgress(0);
      return uploadImport(kind, file, setProgress);
    },
    onSuccess: (_result, { kind }) => {
      void client.invalidateQueries({ queryKey: ["indicators"] });
      void client.invalidateQueries({ queryKey: ["documents"] });
      void client.invalidateQueries({ queryKey: ["meetings"] });
      if (kind === "orgs") void client.invalidateQueries({ queryKey: ["orgs"] });
    },
  });
  return { ...mutation, progress };
}
