/** DOKU's Node SDK ships no types; the compatibility tests use it as plain JavaScript. */
declare module 'doku-nodejs-library';
declare module 'doku-nodejs-library/*';
