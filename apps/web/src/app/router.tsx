import { lazy, Suspense, type ReactNode } from 'react';
import { Center, Container } from '@mantine/core';
import { Navigate, Outlet, Route, Routes, useLocation, useSearchParams } from 'react-router';
import { safeReturnPath } from './return-path.ts';
import type { NavArea } from '@groeipad/contracts';
import { useAuth } from './auth.tsx';
import { AppLayout } from './layout.tsx';
import { PageLoader, QueryError } from '../ui/query-state.tsx';
import { LoginPage } from '../modules/auth/login-page.tsx';
import { ForgotPasswordPage } from '../modules/auth/forgot-password-page.tsx';
import { SetPasswordPage } from '../modules/auth/set-password-page.tsx';
import { HomePage } from '../modules/home/home-page.tsx';
import { MyDataPage } from '../modules/me/my-data-page.tsx';
import { PlaceholderPage } from '../modules/placeholder/placeholder-page.tsx';
import { NotFoundPage } from '../modules/placeholder/not-found-page.tsx';

const PeopleListPage = lazy(() => import('../modules/admin/people-list-page.tsx'));
const PersonPage = lazy(() => import('../modules/admin/person-page.tsx'));
const SchoolsPage = lazy(() => import('../modules/admin/schools-page.tsx'));
const OutboxPage = lazy(() => import('../modules/admin/outbox-page.tsx'));
const AdminAuditPage = lazy(() => import('../modules/admin/audit-page.tsx'));
const ImportPage = lazy(() => import('../modules/imports/import-page.tsx'));
const SsoSettingsPage = lazy(() => import('../modules/sso/sso-settings-page.tsx'));
const SchoolPage = lazy(() => import('../modules/cycle/school-page.tsx'));
const CycleConfigPage = lazy(() => import('../modules/cycle/cycle-config-page.tsx'));
const TeamOverviewPage = lazy(() => import('../modules/cycle/team-overview-page.tsx'));
const MyDevelopmentPage = lazy(() => import('../modules/development/my-development-page.tsx'));
const TeamDevelopmentPage = lazy(() => import('../modules/development/team-development-page.tsx'));
const PersonDevelopmentPage = lazy(() => import('../modules/development/person-development-page.tsx'));
const ConversationsPage = lazy(() => import('../modules/conversations/conversations-page.tsx'));
const PlanConversationPage = lazy(() => import('../modules/conversations/plan-page.tsx'));
const ConversationPage = lazy(() => import('../modules/conversations/conversation-page.tsx'));
const HrAccessPage = lazy(() => import('../modules/conversations/hr-access-page.tsx'));
const FeedbackRoundsPage = lazy(() => import('../modules/feedback/rounds-page.tsx'));
const FeedbackRoundPage = lazy(() => import('../modules/feedback/round-page.tsx'));
const FeedbackFillPage = lazy(() => import('../modules/feedback/fill-page.tsx'));
const FeedbackGivePage = lazy(() => import('../modules/feedback/give-page.tsx'));
const QuestionnairesPage = lazy(() => import('../modules/feedback/questionnaires-page.tsx'));
const QuestionnaireEditorPage = lazy(() => import('../modules/feedback/questionnaire-editor.tsx'));
const BarometerPage = lazy(() => import('../modules/barometer/team-page.tsx'));
const BarometerFillPage = lazy(() => import('../modules/barometer/fill-page.tsx'));
const SchoolBarometerPage = lazy(() => import('../modules/barometer/school-page.tsx'));
const TeamsPage = lazy(() => import('../modules/team/teams-page.tsx'));
const TeamBoardPage = lazy(() => import('../modules/team/board-page.tsx'));
const TeamSessionPage = lazy(() => import('../modules/team/session-page.tsx'));
const ProgrammePage = lazy(() => import('../modules/programme/programme-page.tsx'));
const ProgressPage = lazy(() => import('../modules/programme/progress-page.tsx'));
const YearPlanPage = lazy(() => import('../modules/programme/year-plan-page.tsx'));
const PizzaPage = lazy(() => import('../modules/programme/pizza-page.tsx'));
const VisitsPage = lazy(() => import('../modules/visits/visits-page.tsx'));
const VisitPage = lazy(() => import('../modules/visits/visit-page.tsx'));
const SharedVisitsPage = lazy(() => import('../modules/visits/shared-page.tsx'));
const TeamFormsPage = lazy(() => import('../modules/visits/forms-page.tsx'));
const TeamFormBuilderPage = lazy(() => import('../modules/visits/form-builder-page.tsx'));
const PreparationsPage = lazy(() => import('../modules/preparations/preparations-page.tsx'));
const PreparationPage = lazy(() => import('../modules/preparations/preparation-page.tsx'));
const LibraryPage = lazy(() => import('../modules/preparations/library-page.tsx'));
const LibraryItemPage = lazy(() => import('../modules/preparations/library-item-page.tsx'));

function RequireAuth({ children }: { children: ReactNode }) {
  const { me, isLoading, error, refresh, signedOut } = useAuth();
  const location = useLocation();
  if (isLoading) return <PageLoader />;
  if (error && !me) {
    return (
      <Container size="sm" py="xl">
        <QueryError error={error} onRetry={() => void refresh()} />
      </Container>
    );
  }
  if (!me) {
    const back = `${location.pathname}${location.search}`;
    const to = back === '/' || signedOut ? '/inloggen' : `/inloggen?terug=${encodeURIComponent(back)}`;
    return <Navigate to={to} replace />;
  }
  return children;
}

function RequireArea({ area, children }: { area: NavArea; children: ReactNode }) {
  const { me } = useAuth();
  if (!me?.nav.includes(area)) return <NotFoundPage />;
  return children;
}

function PublicOnly({ children }: { children: ReactNode }) {
  const { me, isLoading } = useAuth();
  const [params] = useSearchParams();
  if (isLoading) return <PageLoader />;
  if (me) return <Navigate to={safeReturnPath(params.get('terug'))} replace />;
  return children;
}

function Lazy({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center py="xl">
          <PageLoader />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}

const PLACEHOLDER_AREAS = ['netwerken'] as const;

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/inloggen"
        element={
          <PublicOnly>
            <LoginPage />
          </PublicOnly>
        }
      />
      <Route path="/wachtwoord-vergeten" element={<ForgotPasswordPage />} />
      <Route path="/wachtwoord-instellen" element={<SetPasswordPage />} />
      <Route
        path="/feedback/geven/:token"
        element={
          <Lazy>
            <FeedbackGivePage />
          </Lazy>
        }
      />
      {/* The board session fills the screen (the staff room's TV): no menu around it. */}
      <Route
        path="/team/:teamId/sessie"
        element={
          <RequireAuth>
            <RequireArea area="team">
              <Lazy>
                <TeamSessionPage />
              </Lazy>
            </RequireArea>
          </RequireAuth>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="mijn-gegevens" element={<MyDataPage />} />
        {/* The barometer is the team's own: the API decides who sees it, the page says 'not found' to others. */}
        <Route
          path="team/:teamId/barometer"
          element={
            <Lazy>
              <BarometerPage />
            </Lazy>
          }
        />
        {/* A visit is for the two of them (and a leidinggevende it was shared with): the API decides, like the barometer. */}
        <Route
          path="team/:teamId/bezoeken/:visitId"
          element={
            <Lazy>
              <VisitPage />
            </Lazy>
          }
        />
        {/* What a leidinggevende's people shared with them: the API scopes it to the person asking. */}
        <Route
          path="bezoeken/gedeeld"
          element={
            <Lazy>
              <SharedVisitsPage />
            </Lazy>
          }
        />
        <Route
          path="barometer/invullen/:roundId"
          element={
            <Lazy>
              <BarometerFillPage />
            </Lazy>
          }
        />
        {PLACEHOLDER_AREAS.map((area) => (
          <Route
            key={area}
            path={area}
            element={
              <RequireArea area={area}>
                <PlaceholderPage area={area} />
              </RequireArea>
            }
          />
        ))}
        <Route
          path="team"
          element={
            <RequireArea area="team">
              <Lazy>
                <Outlet />
              </Lazy>
            </RequireArea>
          }
        >
          <Route index element={<TeamsPage />} />
          <Route path=":teamId" element={<TeamBoardPage />} />
          <Route path=":teamId/programma" element={<ProgrammePage />} />
          <Route path=":teamId/voortgang" element={<ProgressPage />} />
          <Route path="pizzasessies" element={<PizzaPage />} />
          <Route path=":teamId/bezoeken" element={<VisitsPage />} />
          <Route path=":teamId/formulieren" element={<TeamFormsPage />} />
          <Route path=":teamId/formulieren/:formId" element={<TeamFormBuilderPage />} />
          <Route path=":teamId/voorbereidingen" element={<PreparationsPage />} />
          <Route path=":teamId/voorbereidingen/:preparationId" element={<PreparationPage />} />
          <Route path=":teamId/bibliotheek" element={<LibraryPage />} />
          <Route path=":teamId/bibliotheek/:itemId" element={<LibraryItemPage />} />
        </Route>
        <Route
          path="ontwikkeling"
          element={
            <RequireArea area="ontwikkeling">
              <Lazy>
                <Outlet />
              </Lazy>
            </RequireArea>
          }
        >
          <Route index element={<MyDevelopmentPage />} />
          <Route path="team" element={<TeamDevelopmentPage />} />
          <Route path=":personId" element={<PersonDevelopmentPage />} />
        </Route>
        <Route
          path="school"
          element={
            <RequireArea area="school">
              <Lazy>
                <Outlet />
              </Lazy>
            </RequireArea>
          }
        >
          <Route index element={<SchoolPage />} />
          <Route path="gesprekscyclus" element={<CycleConfigPage />} />
          <Route path="vragenlijsten" element={<QuestionnairesPage />} />
          <Route path="vragenlijsten/:id" element={<QuestionnaireEditorPage />} />
          <Route path="barometer" element={<SchoolBarometerPage />} />
          <Route path="jaarplan" element={<YearPlanPage />} />
        </Route>
        <Route
          path="feedback"
          element={
            <Lazy>
              <Outlet />
            </Lazy>
          }
        >
          <Route index element={<FeedbackRoundsPage />} />
          <Route path=":id" element={<FeedbackRoundPage />} />
          <Route path="invulling/:invitationId" element={<FeedbackFillPage />} />
        </Route>
        <Route
          path="gesprekken"
          element={
            <RequireArea area="gesprekken">
              <Lazy>
                <Outlet />
              </Lazy>
            </RequireArea>
          }
        >
          <Route index element={<ConversationsPage />} />
          <Route path="plannen" element={<PlanConversationPage />} />
          <Route path="inzage" element={<HrAccessPage />} />
          <Route path=":id" element={<ConversationPage />} />
        </Route>
        <Route
          path="gesprekken/team"
          element={
            <RequireArea area="gesprekken">
              <Lazy>
                <TeamOverviewPage />
              </Lazy>
            </RequireArea>
          }
        />
        <Route
          path="beheer"
          element={
            <RequireArea area="beheer">
              <Lazy>
                <AdminOutlet />
              </Lazy>
            </RequireArea>
          }
        >
          <Route index element={<Navigate to="medewerkers" replace />} />
          <Route path="medewerkers" element={<PeopleListPage />} />
          <Route path="medewerkers/:id" element={<PersonPage />} />
          <Route path="scholen" element={<SchoolsPage />} />
          <Route path="e-mail" element={<OutboxPage />} />
          <Route path="audit" element={<AdminAuditPage />} />
          <Route path="import" element={<ImportPage />} />
          <Route path="sso" element={<SsoSettingsPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function AdminOutlet() {
  return <Outlet />;
}
