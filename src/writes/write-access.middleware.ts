import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../context/context.type';
import { checkWriteAccess } from './write-access';

/** On every mutation resolver: refused before its input is read or any provider called. */
export const WriteAccess: MiddlewareFn<Context> = ({ context }, next) => {
  checkWriteAccess(context);
  return next();
};
