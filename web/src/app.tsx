import { useEffect } from "react";
import { BrowserRouter, Route, Routes } from "react-router-dom";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ApiError, onUnauthenticated } from "./ui/api-client";
import { SESSION_KEY } from "./features/auth/hooks/use-session";
import { AppLayout } from "./pages/app-layout";
import { RequireSession } from "./pages/require-session";
import { LoginPage } from "./pages/login-page";
import { DashboardPage } from "./pages/dashboard-page";
import { DocumentsPage } from "./pages/documents-page";
import { DocumentEditPage } from "./pages/document-edit-page";
import { DocumentTextPage } from "./pages/document-text-page";
import { DocumentSearchPage } from "./pages/document-search-page";
import { MeetingsPage } from "./pages/meetings-page";
import { MeetingEditPage } from "./pages/meeting-edit-page";
import { ConferencePage } from "./pages/conference-page";
import { ImportPage } from "./pages/import-page";
import { AccountPage } from "./pages/account-page";
import { UsersPage } from "./pages/users-page";
import { NotFoundPage } from "./pages/not-found-page";
import { PlansPage } from "./pages/plans-page";
import { PlanNewPage } from "./pages/plan-new-page";
import { PlanViewPage } from "./pages/plan-view-page";
import { TaskPage } from "./pages/task-page";
import { MyTasksPage } from "./pages/my-tasks-page";
import { OverduePage } from "./pages/overdue-page";
import { CoveragePage } from "./pages/coverage-page";
import { ReportSchedulePage } from "./pages/report-schedule-page";
import { ReportPage } from "./pages/report-page";
import { ReportMatrixPage } from "./pages/report-matrix-page";
import { ReportCombinedPage } from "./pages/report-combined-page";
import { RatingPage } from "./pages/rating-page";
import { ConferencePlanPage } from "./pages/conference-plan-page";
import { CalendarPage } from "./pages/calendar-page";

/** No retry for answers the server meant (4xx); one for network or server errors. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

const queryClient = new QueryClient({
  queryCache: new QueryCache(),
  defaultOptions: {
    queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

/** A 401 on any request means the session is gone: forget it, and the guard shows login. */
function SessionWatcher() {
  useEffect(
    () =>
      onUnauthenticated(() => {
        if (queryClient.getQueryData(SESSION_KEY)) {
          queryClient.clear();
          queryClient.setQueryData(SESSION_KEY, null);
        }
      }),
    [],
  );
  return null;
}

/** Providers and routes (Vietnamese paths). */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionWatcher />
      <BrowserRouter>
        <Routes>
          <Route path="/dang-nhap" element={<LoginPage />} />
          <Route element={<RequireSession />}>
            <Route element={<AppLayout />}>
              <Route index element={<DashboardPage />} />
              <Route path="van-ban" element={<DocumentsPage />} />
              <Route path="van-ban/moi" element={<DocumentEditPage />} />
              <Route path="van-ban/:id" element={<DocumentEditPage />} />
              <Route path="van-ban/:id/doi-chieu" element={<DocumentTextPage />} />
              <Route path="van-ban/tim-toan-van" element={<DocumentSearchPage />} />
              <Route path="hoi-nghi" element={<MeetingsPage />} />
              <Route path="hoi-nghi/moi" element={<MeetingEditPage />} />
              <Route path="hoi-nghi/:id" element={<MeetingEditPage />} />
              <Route path="hoi-nghi/:id/chi-tiet" element={<ConferencePage />} />
              <Route path="lich-hoi-nghi" element={<CalendarPage />} />
              <Route path="nhap-du-lieu" element={<ImportPage />} />
              <Route path="tai-khoan" element={<AccountPage />} />
              <Route path="quan-tri/tai-khoan" element={<UsersPage />} />
              <Route path="ke-hoach" element={<PlansPage />} />
              <Route path="ke-hoach/moi" element={<PlanNewPage />} />
              <Route path="ke-hoach/:id" element={<PlanViewPage />} />
              <Route path="nhiem-vu/:id" element={<TaskPage />} />
              <Route path="viec-cua-toi" element={<MyTasksPage />} />
              <Route path="qua-han" element={<OverduePage />} />
              <Route path="bao-phu" element={<CoveragePage />} />
              <Route path="bao-cao" element={<ReportSchedulePage />} />
              <Route path="bao-cao/theo-doi" element={<ReportMatrixPage />} />
              <Route path="bao-cao/tong-hop" element={<ReportCombinedPage />} />
              <Route path="bao-cao/:id" element={<ReportPage />} />
              <Route path="xep-loai" element={<RatingPage />} />
              <Route path="ke-hoach-hoi-nghi" element={<ConferencePlanPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
