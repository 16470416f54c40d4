// Stands in for underscore in the bundles (see rolldown.config.mjs): the one natural submodule
// vanban bundles, distance/levenshtein_distance.js, calls `_.extend` on option objects and `_.min`
// on a list of cells, and nothing else of underscore's (80 kB, ~130 functions built at load).
// These follow underscore 1.13's definitions; test/cli/underscore-shim.property.test.ts checks
// them against it.

/** Copies every enumerable key (own or inherited) of each source onto `target`, later ones winning. */
exports.extend = function extend(target, ...sources) {
  for (const source of sources) {
    for (const key in source) target[key] = source[key];
  }
  return target;
};

/** The first element whose `iteratee` value is the least; Infinity for an empty list. */
exports.min = function min(list, iteratee) {
  let result = Infinity;
  let lastComputed = Infinity;
  for (const value of list) {
    const computed = iteratee(value);
    if (computed < lastComputed || (computed === Infinity && result === Infinity)) {
      result = value;
      lastComputed = computed;
    }
  }
  return result;
};
