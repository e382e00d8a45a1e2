import { useLocation } from "react-router-dom";

/** A one-off confirmation passed through navigation state (e.g. "Đã lưu văn bản."). */
export function Flash() {
  const location = useLocation();
  const message = (location.state as { flash?: string } | null)?.flash;
  if (!message) return null;
  return <div className="alert alert--ok" role="status">{message}</div>;
}
