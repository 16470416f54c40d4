// Stands in for @fastify/ajv-compiler and @fastify/fast-json-stringify-compiler in the CLI bundle
// (see rolldown.config.mjs): vanban serve declares no route schemas and gives fastify compilers
// of its own, so these (and ajv, 0.5 MB) are never loaded.
module.exports = function noSchemaCompiler() {
  return function refuse() {
    throw new Error('vanban serve declares no route schemas');
  };
};
