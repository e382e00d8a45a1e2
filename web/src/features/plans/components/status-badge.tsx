import type { ProgressStatus } from "../api/plans.api";
import { STATUS_LABEL } from "../texts";

const CLASS: Record<ProgressStatus, string> = {
  chua_thuc_hien: "status--todo",
  dang_thuc_hien: "status--doing",
  hoan_thanh_dung_han: "status--ontime",
  hoan_thanh_qua_han: "status--late",
  qua_han_chua_hoan_thanh: "status--overdue",
};

/** The derived status of an occurrence, coloured and always written out (never colour alone). */
export function StatusBadge({ status }: { status: ProgressStatus }) {
  return <span className={`status ${CLASS[status]}`} data-status={status}>{STATUS_LABEL[status] ?? status}</span>;
}
