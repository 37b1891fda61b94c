import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { resetClients, SESSION_ENDED_EVENT } from './api/client';
import { session, type SessionUser } from './session';

interface Auth {
  user: SessionUser | null;
  signIn: (token: string, user: SessionUser) => void;
  signOut: () => void;
  /** The API ended this tab's session (password changed, logged out everywhere): the login page says so. */
  ended: boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(() => (session.token ? session.user : null));
  const [ended, setEnded] = useState(false);
  const signIn = useCallback((token: string, next: SessionUser) => {
    setEnded(false);
    resetClients();
    session.save(token, next);
    setUser(next);
  }, []);
  const signOut = useCallback(() => {
    session.clear();
    resetClients();
    setUser(null);
  }, []);
  useEffect(() => {
    const onEnded = () => {
      if (!session.token) return;
      signOut();
      setEnded(true);
    };
    window.addEventListener(SESSION_ENDED_EVENT, onEnded);
    return () => window.removeEventListener(SESSION_ENDED_EVENT, onEnded);
  }, [signOut]);
  const value = useMemo(() => ({ user, signIn, signOut, ended }), [user, signIn, signOut, ended]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
