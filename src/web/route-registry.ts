import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { hasPermission, type Permission } from '../auth/roles.ts';

/**
 * Every route is registered here with the access it needs, so authorisation is enforced in one
 * place on the server and the route authorisation matrix test can walk every route.
 *  - 'public': anyone, signed in or not;
 *  - 'signed-in': any signed-in user;
 *  - a permission from auth/roles.ts: users holding a role that grants it.
 */
export type Access = 'public' | 'signed-in' | Permission;

export interface RouteDefinition {
  method: 'get' | 'post';
  path: string;
  access: Access;
}

export class ForbiddenError extends Error {
  readonly status = 403;
}

export class NotFoundError extends Error {
  readonly status = 404;
}

type Handler = (req: Request, res: Response, next: NextFunction) => unknown;

function guard(access: Access): RequestHandler {
  return (req, res, next) => {
    if (access === 'public') return next();
    if (!req.user) {
      if (req.method === 'GET') {
        return res.redirect(`/sign-in?next=${encodeURIComponent(req.originalUrl)}`);
      }
      return next(new ForbiddenError('You need to sign in'));
    }
    if (access === 'signed-in' || hasPermission(req.user.roles, access)) return next();
    return next(new ForbiddenError(`This page needs the permission "${access}"`));
  };
}

function wrap(handler: Handler): RequestHandler {
  return (req, res, next) => {
    Promise.resolve(handler(req, res, next)).catch(next);
  };
}

export class RouteRegistry {
  readonly definitions: RouteDefinition[] = [];

  constructor(private readonly app: Express) {}

  get(path: string, access: Access, ...handlers: Handler[]): void {
    this.add('get', path, access, handlers);
  }

  post(path: string, access: Access, ...handlers: Handler[]): void {
    this.add('post', path, access, handlers);
  }

  private add(method: 'get' | 'post', path: string, access: Access, handlers: Handler[]): void {
    if (this.definitions.some((d) => d.method === method && d.path === path)) {
      throw new Error(`Route ${method.toUpperCase()} ${path} is registered twice`);
    }
    this.definitions.push({ method, path, access });
    this.app[method](path, guard(access), ...handlers.map(wrap));
  }
}
