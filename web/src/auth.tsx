import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { resetClients } from './api/client';
import { session, type SessionUser } from './session';

interface Auth {
  user: SessionUser | null;
  signIn: (token: string, user: SessionUser) => void;
  signOut: () => void;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(() => (session.token ? session.user : null));
  const signIn = useCallback((token: string, next: SessionUser) => {
    resetClients();
    session.save(token, next);
    setUser(next);
  }, []);
  const signOut = useCallback(() => {
    session.clear();
    resetClients();
    setUser(null);
  }, []);
  const value = useMemo(() => ({ user, signIn, signOut }), [user, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
