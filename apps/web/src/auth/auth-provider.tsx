import type { Me } from '@ecep/contract';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { api, getSystemInfo, type SystemInfo, setUnauthorizedListener } from '../api';
import { AuthContext, type AuthState } from './auth-context';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthState['status']>('loading');
  const [me, setMe] = useState<Me | null>(null);
  const [system, setSystem] = useState<SystemInfo | null>(null);

  useEffect(() => {
    let alive = true;
    api
      .me()
      .then((user) => {
        if (!alive) return;
        setMe(user);
        setStatus('signed-in');
      })
      .catch(() => {
        if (!alive) return;
        setMe(null);
        setStatus('anonymous');
      });
    getSystemInfo()
      .then((info) => alive && setSystem(info))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => {
    setUnauthorizedListener(() => {
      api.setToken(undefined);
      setMe(null);
      setStatus('anonymous');
    });
    return () => setUnauthorizedListener(null);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const res = await api.login({ username, password });
    setMe(res.user);
    setStatus('signed-in');
    return res.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      api.setToken(undefined);
      setMe(null);
      setStatus('anonymous');
    }
  }, []);

  const value = useMemo<AuthState>(
    () => ({ status, me, system, login, logout }),
    [status, me, system, login, logout],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}
