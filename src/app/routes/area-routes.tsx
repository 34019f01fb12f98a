import { Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { DefaultSkeleton } from '../../components/query-state';
import { Component as NotFound } from './not-found';

export interface AreaRoute {
  /** Relative to the area ('' is the area's own page, ':volumeId' a detail page). */
  path: string;
  element: ReactNode;
}

/**
 * The pages inside one area of the navbar (`/volumes`, `/volumes/:volumeId`): the router gives
 * each area one lazy module with a splat path, which maps its own sub-paths here. Each area
 * module exports the same patterns as `routePatterns`, so tests can tell which paths exist.
 */
export function AreaRoutes({ routes }: { routes: AreaRoute[] }) {
  return (
    <Suspense fallback={<DefaultSkeleton lines={8} />}>
      <Routes>
        {routes.map((route) =>
          route.path ? (
            <Route key={route.path} path={route.path} element={route.element} />
          ) : (
            <Route key="index" index element={route.element} />
          ),
        )}
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
