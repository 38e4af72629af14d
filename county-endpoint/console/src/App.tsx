/** The console's root: who is signed in decides between setup, login, forced password change and the screens. */
import { Route, Router, Switch } from 'wouter';
import { Layout } from './Layout';
import { screensFor } from './screens';
import { ChangePasswordScreen } from './screens/ChangePasswordScreen';
import { LoginScreen } from './screens/LoginScreen';
import { SetupScreen } from './screens/SetupScreen';
import { SessionProvider, useSession } from './session';
import { S } from './strings';

function Screens() {
  const { state } = useSession();
  switch (state.kind) {
    case 'loading':
      return <p className="loading">{S.common.loading}</p>;
    case 'setup':
      return <SetupScreen />;
    case 'signedOut':
      return <LoginScreen notice={state.notice} />;
    case 'signedIn':
      if (state.session.mustChangePassword) return <ChangePasswordScreen forced />;
      return (
        <Layout>
          <Switch>
            <Route path="/password">
              <ChangePasswordScreen forced={false} />
            </Route>
            {screensFor(state.session.user.role).map((s) => (
              <Route key={s.path} path={s.path} component={s.component} />
            ))}
            <Route>
              <h1>{S.notFound}</h1>
            </Route>
          </Switch>
        </Layout>
      );
  }
}

export function App() {
  return (
    <Router base="/console">
      <SessionProvider>
        <Screens />
      </SessionProvider>
    </Router>
  );
}
