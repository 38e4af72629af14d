/** The landing screen after sign-in: a greeting and what this role can do. */
import { useSignedIn } from '../session';
import { S } from '../strings';

export function HomeScreen() {
  const { user } = useSignedIn();
  return (
    <section>
      <h1>{S.home.welcome(user.displayName)}</h1>
      <p>{S.home.intro[user.role]}</p>
    </section>
  );
}
