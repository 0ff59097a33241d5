export * from './lib/api-types';
