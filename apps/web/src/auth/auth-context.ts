import type { Me } from '@ecep/contract';
import { createContext, useContext } from 'react';
import type { SystemInfo } from '../api';

export interface AuthState {
  /** `loading` until `/api/auth/me` has answered once. */
  status: 'loading' | 'anonymous' | 'signed-in';
  me: Me | null;
  system: SystemInfo | null;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth() outside <AuthProvider>');
  return auth;
}

/** The signed-in user; only for pages under <RequireAuth>. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe() without a signed-in user');
  return me;
}
